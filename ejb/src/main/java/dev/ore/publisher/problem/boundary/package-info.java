/** How boundaries refuse a request, in terms the web module turns into problem+json answers. */
package dev.ore.publisher.problem.boundary;
