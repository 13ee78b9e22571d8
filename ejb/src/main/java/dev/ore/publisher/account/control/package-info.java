/** Account tokens as the worker uses them. */
package dev.ore.publisher.account.control;
