//! The rules for the names a certificate is ordered for.
