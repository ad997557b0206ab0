//! Every user-visible string, keyed by language.
