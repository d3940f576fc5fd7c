//! `rank` and `ahp_weights` on matrices built directly (no JSON): any shape,
//! any f64 (NaN, infinities, subnormals, huge), duplicate and empty ids, rows
//! of the wrong length, weights overrides; and pairwise matrices that are
//! mostly reciprocal on Saaty's scale, so that AHP gets past its checks.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use stack_advisor::ahp::{ahp_weights, ahp_weights_with, PowerIteration};
use stack_advisor::model::Direction;
use stack_advisor::rank::{rank, rank_columns, rank_values, Method, RankCriterion, RankInput};
use std::collections::BTreeMap;

#[path = "common.rs"]
mod common;

/// True about once in `n` draws. False when the data has run out (arbitrary
/// then yields 0), so that short inputs build plain, small cases.
fn rare(u: &mut Unstructured, n: u8) -> Result<bool> {
    Ok(u.int_in_range(0..=n - 1)? == n - 1)
}

/// A number: mostly on the 0–10 scale, sometimes anything.
fn number(u: &mut Unstructured) -> Result<f64> {
    Ok(match u.int_in_range(0u8..=9)? {
        0..=4 => f64::from(u.int_in_range(0u8..=10)?),
        5 | 6 => f64::from(u.int_in_range(0u16..=1000)?) / 100.0,
        7 => [
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            5e-324,
            1e-300,
            1e154,
            1e300,
            f64::MAX,
            -1.0,
            f64::INFINITY,
            f64::NAN,
        ][u.int_in_range(0usize..=10)?],
        _ => f64::arbitrary(u)?,
    })
}

/// An id: mostly `x{n}` (so duplicates happen), sometimes any string.
fn id(u: &mut Unstructured, prefix: &str) -> Result<String> {
    Ok(if rare(u, 8)? {
        String::arbitrary(u)?
    } else {
        format!("{prefix}{}", u.int_in_range(0u8..=99)?)
    })
}

fn rank_case(u: &mut Unstructured) -> Result<()> {
    let method = if bool::arbitrary(u)? {
        Method::Wsm
    } else {
        Method::Topsis
    };
    // Up to 64 options: past the 20 where the standard library's sort
    // switches algorithms (a comparator that is no total order, as with NaN
    // scores, may panic there). The size limits themselves are unit-tested.
    // Now and then a few hundred, so that the ranking's radix split recurses.
    let n = if rare(u, 16)? {
        u.int_in_range(65usize..=400)?
    } else {
        u.int_in_range(0usize..=64)?
    };
    let m = u.int_in_range(0usize..=12)?;
    let mut options = Vec::with_capacity(n);
    for _ in 0..n {
        options.push(id(u, "o")?);
    }
    let mut criteria = Vec::with_capacity(m);
    for _ in 0..m {
        criteria.push(RankCriterion {
            id: id(u, "c")?,
            direction: if bool::arbitrary(u)? {
                Direction::Benefit
            } else {
                Direction::Cost
            },
            weight: number(u)?,
        });
    }
    let rows = if rare(u, 16)? {
        u.int_in_range(0usize..=n + 1)?
    } else {
        n
    };
    let mut values = Vec::with_capacity(rows);
    for _ in 0..rows {
        let len = if rare(u, 32)? {
            u.int_in_range(0usize..=m + 1)?
        } else {
            m
        };
        let mut row = Vec::with_capacity(len);
        for _ in 0..len {
            row.push(number(u)?);
        }
        values.push(row);
    }
    let weights = if bool::arbitrary(u)? {
        let count = u.int_in_range(0usize..=m + 1)?;
        let mut w = BTreeMap::new();
        for _ in 0..count {
            w.insert(id(u, "c")?, number(u)?);
        }
        Some(w)
    } else {
        None
    };
    let input = RankInput {
        options,
        criteria,
        values,
    };
    if common::print_inputs() {
        eprintln!("rank({input:?}, {method:?}, {weights:?})");
    }
    match rank(&input, method, weights.as_ref()) {
        Ok(r) => {
            common::check_ranking(&input.options, &r);
            if weights.is_none() {
                same_as_bulk_forms(&input, method, &r);
            }
        }
        Err(e) => assert!(!e.issues().is_empty()),
    }
    Ok(())
}

/// What `rank` accepted, the two bulk forms (flat values with criteria, and
/// by position) rank the same, to the bit: the same kernel and sort, whatever
/// the path in.
fn same_as_bulk_forms(input: &RankInput, method: Method, r: &stack_advisor::rank::Ranking) {
    let flat: Vec<f64> = input.values.iter().flatten().copied().collect();
    let n = input.options.len();
    let by_values = rank_values(&flat, n, &input.criteria, method, None)
        .expect("rank_values refused what rank took");
    let weights: Vec<f64> = input.criteria.iter().map(|c| c.weight).collect();
    let directions: Vec<Direction> = input.criteria.iter().map(|c| c.direction).collect();
    let by_columns = rank_columns(&flat, n, &weights, &directions, method)
        .expect("rank_columns refused what rank took");
    for (o, id) in input.options.iter().enumerate() {
        let score = r.scores.get(id).copied().unwrap_or(f64::NAN);
        let (a, b) = (by_values.scores[o], by_columns.scores[o]);
        assert_eq!(
            a.to_bits(),
            b.to_bits(),
            "row {o}: rank_values {a} vs rank_columns {b}"
        );
        assert_eq!(
            a.to_bits(),
            score.to_bits(),
            "row {o}: rank_values {a} vs rank {score}"
        );
    }
    assert_eq!(by_values.order, by_columns.order);
    let ids: Vec<&str> = by_values
        .order
        .iter()
        .map(|&o| input.options[o].as_str())
        .collect();
    assert_eq!(ids, r.ranking);
}

/// A value of Saaty's scale: 1..9 or a reciprocal, as written by people
/// (sometimes rounded to three decimals).
fn saaty(u: &mut Unstructured) -> Result<f64> {
    let k = f64::from(u.int_in_range(1u8..=9)?);
    Ok(match u.int_in_range(0u8..=3)? {
        0 | 1 => k,
        2 => 1.0 / k,
        _ => (1000.0 / k).round() / 1000.0,
    })
}

// a[i][j] and its mirror a[j][i] are clearest with indices.
#[allow(clippy::needless_range_loop)]
fn ahp_case(u: &mut Unstructured) -> Result<()> {
    let n = u.int_in_range(0usize..=16)?;
    let mut a = vec![vec![1.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let x = if rare(u, 16)? { number(u)? } else { saaty(u)? };
            a[i][j] = x;
            a[j][i] = if rare(u, 16)? { number(u)? } else { 1.0 / x };
        }
    }
    if n > 0 && rare(u, 16)? {
        let i = u.int_in_range(0..=n - 1)?;
        a[i][i] = number(u)?;
    }
    if n > 0 && rare(u, 32)? {
        let i = u.int_in_range(0..=n - 1)?;
        let len = u.int_in_range(0usize..=n + 1)?;
        a[i].resize(len, 1.0);
    }
    if common::print_inputs() {
        eprintln!("ahp({a:?})");
    }
    let result = if bool::arbitrary(u)? {
        ahp_weights(&a)
    } else {
        let settings = PowerIteration {
            tolerance: number(u)?,
            max_iterations: u.int_in_range(0u32..=2000)?,
        };
        ahp_weights_with(&a, settings)
    };
    match result {
        Ok(r) => common::check_ahp(&a, &r),
        Err(e) => assert!(!e.issues().is_empty()),
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let _ = if data.first().is_some_and(|b| b & 1 == 0) {
        u.bytes(1).ok();
        rank_case(&mut u)
    } else {
        u.bytes(1).ok();
        ahp_case(&mut u)
    };
});
