/** Connected platform accounts and the encrypted tokens that let Ore Publisher post for a team. */
package dev.ore.publisher.account.entity;
