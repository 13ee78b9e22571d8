/**
 * The platform SPI: how the worker asks any platform to publish, and the outcomes it gets back.
 * One sub-package per platform ({@code meta}, {@code linkedin}, {@code x}) implements it.
 */
package dev.ore.publisher.platform.control;
