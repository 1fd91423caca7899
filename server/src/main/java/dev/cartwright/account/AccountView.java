package dev.cartwright.account;

/** An account as its owner sees it. */
record AccountView(String email, String name) {}
