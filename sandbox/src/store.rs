//! The bounded in-memory order store: at most `max` orders, the oldest evicted first.
//!
//! Ids are handed out in increasing order, so the oldest order is always the first key. The
//! sandbox keeps nothing on disk: a restart loses every order.

use std::collections::BTreeMap;

/// Orders of one simulator, by their numeric id.
#[derive(Debug)]
pub(crate) struct Store<T> {
    max: usize,
    next: u64,
    items: BTreeMap<u64, T>,
}

impl<T> Store<T> {
    /// A store holding at most `max` orders (at least one), numbering from `first_id`.
    pub(crate) fn new(max: usize, first_id: u64) -> Self {
        Self {
            max: max.max(1),
            next: first_id,
            items: BTreeMap::new(),
        }
    }

    /// Stores the order `make` builds from its new id, evicting the oldest beyond `max`.
    pub(crate) fn insert(&mut self, make: impl FnOnce(u64) -> T) -> u64 {
        let id = self.next;
        self.next = self.next.saturating_add(1);
        self.items.insert(id, make(id));
        while self.items.len() > self.max {
            self.items.pop_first();
        }
        id
    }

    /// The order with this id.
    pub(crate) fn get(&self, id: u64) -> Option<&T> {
        self.items.get(&id)
    }

    /// The order with this id, to change it.
    pub(crate) fn get_mut(&mut self, id: u64) -> Option<&mut T> {
        self.items.get_mut(&id)
    }

    /// The first order that `matches` (ids other than the numeric key: certificate ids,
    /// references, uuids).
    pub(crate) fn find_mut(&mut self, mut matches: impl FnMut(&T) -> bool) -> Option<&mut T> {
        self.items.values_mut().find(|t| matches(t))
    }

    /// The first order that `matches`.
    pub(crate) fn find(&self, mut matches: impl FnMut(&T) -> bool) -> Option<&T> {
        self.items.values().find(|t| matches(t))
    }

    /// Every order, oldest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> {
        self.items.values()
    }

    /// How many orders are held.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the bound holds and the oldest orders go first.
    #[test]
    fn evicts_the_oldest_beyond_the_bound() {
        let mut store = Store::new(3, 100);
        let ids: Vec<u64> = (0..5).map(|i| store.insert(|id| (id, i))).collect();
        assert_eq!(ids, vec![100, 101, 102, 103, 104]);
        assert_eq!(store.len(), 3);
        assert!(store.get(100).is_none() && store.get(101).is_none());
        assert_eq!(store.get(102), Some(&(102, 2)));
        assert_eq!(store.find(|(_, i)| *i == 4).map(|(id, _)| *id), Some(104));
        if let Some(item) = store.get_mut(103) {
            item.1 = 30;
        }
        assert_eq!(store.get(103), Some(&(103, 30)));
        assert!(store.find_mut(|(_, i)| *i == 0).is_none());
    }
}
