package dev.cartwright.account;

/** An account as its owner sees it. */
public record AccountView(String email, String name) {}
