//! Checks over all the names of one order.

use std::collections::HashMap;

use super::DomainName;

/// Index pairs `(first, later)` of names that are equal (same A-label form, so `Bücher.example`
/// and `xn--bcher-kva.example` are equal). Each repeat is paired with the first occurrence.
#[must_use]
pub fn duplicates(names: &[DomainName]) -> Vec<(usize, usize)> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut pairs = Vec::new();
    for (index, name) in names.iter().enumerate() {
        match first.get(name.ascii()) {
            Some(&earlier) => pairs.push((earlier, index)),
            None => {
                first.insert(name.ascii(), index);
            }
        }
    }
    pairs
}

/// Index pairs `(covered, wildcard)` of names that a wildcard in the same list already covers
/// (see [`DomainName::covers`]), so ordering them separately is redundant.
#[must_use]
pub fn covered_by_wildcard(names: &[DomainName]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (covered, name) in names.iter().enumerate() {
        for (wildcard, candidate) in names.iter().enumerate() {
            if candidate.covers(name) {
                pairs.push((covered, wildcard));
            }
        }
    }
    pairs
}
