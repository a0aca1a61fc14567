//! `certorder`: the command line and server.

fn main() {}
