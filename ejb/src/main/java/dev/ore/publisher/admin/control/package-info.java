/**
 * Read models for operators: job executions with their steps and metrics, queue figures measured
 * by SQL on the database clock, and accounts that need reconnecting. No token ever leaves here.
 */
package dev.ore.publisher.admin.control;
