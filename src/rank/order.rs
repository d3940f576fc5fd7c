//! The sorts of the ranking: [`order`] (scores best first, a stable radix
//! sort) and [`stable_order`] (any order given by a comparison, a merge
//! sort, for the checks of repeated ids).

/// Row indices ordered best first; equal scores keep the input order.
/// NaN goes last.
///
/// The scores become integer keys (their bits, turned so that a smaller key
/// is a better score), sorted by a most-significant-digit radix pass on the
/// top bits in which the keys differ, into one bucket per digit; a bucket
/// larger than `SMALL_BUCKET` (16) is split the same way on its own top
/// differing bits, and a last insertion pass orders each small bucket. At
/// 1,000 rows that is one counting pass, one scatter and a few moves per row,
/// where a byte-by-byte LSD radix sort made seven scatters. Every step keeps
/// equal keys in input order (stable), and each split removes at least one
/// bit from what is left to compare, so the work stays linear in the number
/// of rows times the key's 64 bits divided by the digit width (≥ 5 bits).
pub fn order(scores: &[f64]) -> Vec<usize> {
    let n = scores.len();
    // Descending score = ascending key; -0.0 + 0.0 = 0.0 makes the two zeros equal.
    let key = |s: f64| {
        let bits = (s + 0.0).to_bits();
        if s.is_nan() {
            u64::MAX
        } else if bits >> 63 == 1 {
            bits
        } else {
            !(bits | 1 << 63)
        }
    };
    // Filled in place: a `push` per row is a call at `opt-level = "z"`.
    let (mut keys, mut rows) = (vec![0; n], vec![0; n]);
    for (i, ((k, r), s)) in keys.iter_mut().zip(rows.iter_mut()).zip(scores).enumerate() {
        (*k, *r) = (key(*s), i);
    }
    let (mut spare_keys, mut spare_rows) = (vec![0; n], vec![0; n]);
    split(&mut keys, &mut rows, &mut spare_keys, &mut spare_rows);
    // Every bucket left is at most SMALL_BUCKET long and the buckets are in
    // order, so no key moves past a bucket's start: a few moves per row.
    let (keys, order) = (&mut keys[..n], &mut rows[..n]);
    for i in 1..n {
        let (k, r) = (keys[i], order[i]);
        let mut j = i;
        while j > 0 && keys[j - 1] > k {
            keys[j] = keys[j - 1];
            order[j] = order[j - 1];
            j -= 1;
        }
        keys[j] = k;
        order[j] = r;
    }
    rows
}

/// Buckets at most this long are left to [`order`]'s insertion pass.
const SMALL_BUCKET: usize = 16;

/// Sorts `keys` (and `rows` with them) stably into buckets by the top bits
/// in which the keys differ, and each bucket longer than [`SMALL_BUCKET`]
/// the same way, recursively; `spare_*` are scratch space of the same length.
fn split(keys: &mut [u64], rows: &mut [usize], spare_keys: &mut [u64], spare_rows: &mut [usize]) {
    let n = keys.len();
    if n <= SMALL_BUCKET || rows.len() != n || spare_keys.len() != n || spare_rows.len() != n {
        return;
    }
    let first = keys.first().copied().unwrap_or(0);
    let mut differ = 0;
    for k in keys.iter() {
        differ |= k ^ first;
    }
    if differ == 0 {
        // All equal: input order is the order.
        return;
    }
    // Digits of about log2(n) bits (at most 11) below the top differing bit.
    let width = (usize::BITS - n.leading_zeros()).min(11);
    let shift = (u64::BITS - differ.leading_zeros()).saturating_sub(width);
    let mask = (1u64 << width) - 1;
    let digit = |k: u64| ((k >> shift) & mask) as usize;
    let mut ends = vec![0usize; 1 << width];
    for k in keys.iter() {
        if let Some(c) = ends.get_mut(digit(*k)) {
            *c += 1;
        }
    }
    // Counts → where each bucket starts (then, after the scatter, ends).
    let mut start = 0;
    for slot in ends.iter_mut() {
        (*slot, start) = (start, start + *slot);
    }
    for (k, r) in keys.iter().zip(rows.iter()) {
        if let Some(slot) = ends.get_mut(digit(*k)) {
            if let (Some(sk), Some(sr)) = (spare_keys.get_mut(*slot), spare_rows.get_mut(*slot)) {
                (*sk, *sr) = (*k, *r);
            }
            *slot += 1;
        }
    }
    keys.copy_from_slice(spare_keys);
    rows.copy_from_slice(spare_rows);
    let mut start = 0;
    for &end in &ends {
        if end - start > SMALL_BUCKET {
            if let (Some(k), Some(r), Some(sk), Some(sr)) = (
                keys.get_mut(start..end),
                rows.get_mut(start..end),
                spare_keys.get_mut(start..end),
                spare_rows.get_mut(start..end),
            ) {
                split(k, r, sk, sr);
            }
        }
        start = end;
    }
}

/// `0..n` sorted by `before(a, b)` ("a goes strictly before b"), equal
/// elements in their input order: a bottom-up merge sort, O(n log n).
/// Hand-written because the standard library's stable sort is generic code
/// of its own for every type it is used with (size: see `crate::small`).
pub(super) fn stable_order(n: usize, before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut to[start..end] {
                // The right run goes first only when strictly before: stable.
                let take_right = right < end && (left >= mid || before(from[right], from[left]));
                if take_right {
                    *slot = from[right];
                    right += 1;
                } else {
                    *slot = from[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_best_first_and_stable() {
        assert_eq!(order(&[1.0, 3.0, 3.0, 2.0]), [1, 2, 3, 0]);
        assert_eq!(order(&[]), Vec::<usize>::new());
        assert_eq!(order(&[5.0]), [0]);
        // Against the standard library's stable sort, on many ties.
        let scores: Vec<f64> = (0..1000u32).map(|i| f64::from(i * 7919 % 13)).collect();
        let mut expected: Vec<usize> = (0..scores.len()).collect();
        expected.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap());
        assert_eq!(order(&scores), expected);
    }

    /// A xorshift64 generator started at `seed` (not 0): the tests' random inputs.
    fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    /// Against the standard library's stable sort (NaN last), on scores
    /// spread and clustered: wide and narrow ranges, values equal in their
    /// top bits and different only in the last ones, many ties, both zeros,
    /// infinities and NaN; sizes around the small-bucket threshold and up
    /// to the limit.
    #[test]
    fn order_matches_a_stable_sort_on_any_scores() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let expected = |scores: &[f64]| {
            let mut rows: Vec<usize> = (0..scores.len()).collect();
            rows.sort_by(|&a, &b| match (scores[a].is_nan(), scores[b].is_nan()) {
                (true, true) => std::cmp::Ordering::Equal,
                (true, false) => std::cmp::Ordering::Greater,
                (false, true) => std::cmp::Ordering::Less,
                _ => scores[b].partial_cmp(&scores[a]).unwrap(),
            });
            rows
        };
        let special = [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            5e-324,
            -1.0,
        ];
        for n in [0, 1, 2, 15, 16, 17, 18, 33, 100, 1000, 4097, 10_000] {
            for kind in 0..7 {
                let scores: Vec<f64> = (0..n)
                    .map(|i| {
                        let r = next();
                        match kind {
                            // Uniform 0..100, as a weighted sum.
                            0 => (r % 1_000_000) as f64 / 10_000.0,
                            // All in one narrow band: equal top bits.
                            1 => 50.0 + (r % 1000) as f64 * 1e-12,
                            // Only the last bits differ.
                            2 => f64::from_bits(50.0f64.to_bits() + (r % 8)),
                            // Few distinct values: many ties.
                            3 => (r % 5) as f64,
                            // Specials among ordinary values.
                            4 => match special.get((r % 16) as usize) {
                                Some(x) => *x,
                                None => (r % 97) as f64,
                            },
                            // Two far clusters.
                            5 => {
                                if r % 2 == 0 {
                                    1e-200 * (r % 7) as f64
                                } else {
                                    1e200
                                }
                            }
                            // Any bits at all.
                            _ => f64::from_bits(r ^ (i as u64)),
                        }
                    })
                    .collect();
                assert_eq!(order(&scores), expected(&scores), "n {n}, kind {kind}");
            }
        }
    }

    /// `split` leaves every key at most `SMALL_BUCKET` − 1 places from
    /// where it ends up (what keeps the insertion pass to a few moves per
    /// row), each key with its row; a short slice it leaves to the insertion
    /// pass, and scratch space of the wrong length makes it do nothing.
    #[test]
    fn split_buckets_the_keys_and_leaves_short_or_mismatched_slices_alone() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        let n = 1000;
        // Spread keys, and two far clusters (each a bucket split again).
        for far in [0, 1 << 40] {
            let input: Vec<u64> = (0..n)
                .map(|i| next() % 5000 + if i % 2 == 0 { far } else { 0 })
                .collect();
            let (mut keys, mut rows) = (input.clone(), (0..n).collect::<Vec<usize>>());
            let (mut sk, mut sr) = (vec![0; n], vec![0; n]);
            split(&mut keys, &mut rows, &mut sk, &mut sr);
            for (k, r) in keys.iter().zip(&rows) {
                assert_eq!(*k, input[*r]);
            }
            for i in 0..n {
                let later = keys[(i + SMALL_BUCKET).min(n)..].iter().min();
                assert!(later.is_none_or(|m| keys[i] <= *m), "key {i}, far {far}");
            }
        }
        // 16 keys in reverse: left as they are.
        let short: Vec<u64> = (0..16).rev().collect();
        let (mut keys, mut rows) = (short.clone(), (0..16).collect::<Vec<usize>>());
        split(&mut keys, &mut rows, &mut [0; 16], &mut [0; 16]);
        assert_eq!((keys, rows), (short, (0..16).collect::<Vec<usize>>()));
        // 40 keys in reverse with one slice a row short: left as they are.
        let long: Vec<u64> = (0..40).rev().collect();
        for wrong in 0..3 {
            let len = |i: usize| if i == wrong { 39 } else { 40 };
            let (mut keys, mut rows) = (long.clone(), vec![7; len(0)]);
            let (mut sk, mut sr) = (vec![0; len(1)], vec![0; len(2)]);
            split(&mut keys, &mut rows, &mut sk, &mut sr);
            assert_eq!(keys, long, "slice {wrong} short");
        }
    }

    /// `stable_order` sorts like the standard library's stable sort: by
    /// `before`, equal elements in input order, at every length (runs of 1,
    /// 2, 4… merged, an odd run left over).
    #[test]
    fn stable_order_matches_a_stable_sort() {
        for n in 0..70 {
            let keys: Vec<u32> = (0..n).map(|i| (i * 37 + 11) % 7).collect();
            let got = stable_order(keys.len(), &|a, b| keys[a] < keys[b]);
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(got, expected, "n {n}");
        }
    }
}
