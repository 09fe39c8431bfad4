//! Stable sorting through one comparator type.
//!
//! Every `sort_by` with its own closure is a separate copy of the standard library's
//! sort in the wasm, a few kilobytes each. Sorting positions with a `dyn` comparator
//! keeps one copy, shared by every caller.

use std::cmp::Ordering;

/// The positions `0..len`, stably sorted by `compare` (equal positions keep their order).
///
/// ```
/// let values = [3.0_f64, 1.0, 3.0, 2.0];
/// let order = talent_core::order::stable_order(values.len(), &|a, b| values[a].total_cmp(&values[b]));
/// assert_eq!(order, vec![1, 3, 0, 2]);
/// ```
pub fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// `items` stably sorted by `compare`.
///
/// ```
/// let words = vec!["bb", "a", "cc", "d"];
/// let sorted = talent_core::order::sorted(words, &|a: &&str, b: &&str| a.len().cmp(&b.len()));
/// assert_eq!(sorted, vec!["a", "d", "bb", "cc"]);
/// ```
pub fn sorted<T>(items: Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_keep_their_order_and_nothing_is_lost() {
        // Keys 2, 1, 2, 1, 0 at positions 0..5: sorted 4 (0), 1 and 3 (1), 0 and 2 (2).
        let keys = [2, 1, 2, 1, 0];
        assert_eq!(
            stable_order(5, &|a, b| keys[a].cmp(&keys[b])),
            vec![4, 1, 3, 0, 2]
        );
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        let out = sorted(items, &|x: &(i32, char), y: &(i32, char)| x.0.cmp(&y.0));
        assert_eq!(out, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        assert!(stable_order(0, &|_, _| Ordering::Equal).is_empty());
    }
}
