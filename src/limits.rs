//! Every limit the engine enforces on its input, in one place, with the
//! messages that state a limit built from the limit itself.
//!
//! A message that names a number is a `concat!` of the same literal the
//! constant is made from (the small macros below), so a limit and the text
//! that states it cannot drift apart; the tests at the end say so too.
//! docs/matrix-format.md ("Limits") documents the limits for authors.

/// The literal of [`MAX_WEIGHT`], for the messages that state it.
macro_rules! max_weight {
    () => {
        1000000
    };
}

/// The literal of [`ANCHOR_MAX`].
macro_rules! anchor_max {
    () => {
        10
    };
}

/// The literal of [`MAX_PRIORITY`].
macro_rules! max_priority {
    () => {
        5
    };
}

/// The literal of [`MAX_RANK_OPTIONS`].
macro_rules! max_rank_options {
    () => {
        10000
    };
}

// The author matrix.

/// Most options a matrix may have.
pub const MAX_OPTIONS: usize = 64;
/// Most criteria a matrix may have.
pub const MAX_CRITERIA: usize = 64;
/// Most questions a matrix may have.
pub const MAX_QUESTIONS: usize = 64;
/// Longest id, in characters.
pub const MAX_ID_LEN: usize = 48;
/// Longest text field, in characters.
pub const MAX_TEXT_LEN: usize = 500;
/// Longest guidance code sample, in characters.
pub const MAX_CODE_LEN: usize = 4_000;
/// Most guidance sections per option or rule, and most items per section.
pub const MAX_GUIDANCE: usize = 16;
/// Largest matrix document, in bytes of JSON.
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024;
/// Deepest nesting of arrays and objects any input may have. A matrix needs 8
/// (`options[].guidance[].items[].sources[]`).
pub const MAX_DEPTH: usize = 32;
/// Top of the 0–10 anchor scale scores are given on (not Saaty's 1–9 scale
/// of AHP, whose top is `SAATY_MAX` in `ahp.rs`).
#[allow(clippy::unnecessary_cast)] // an integer literal, shared with the messages
pub const ANCHOR_MAX: f64 = anchor_max!() as f64;

// Weights, anywhere.

/// Largest weight, weight change or weight per step, anywhere (matrix,
/// answers, `rank`): far beyond any scale authors use, and small enough that
/// no sum of weights the limits allow can overflow to infinity (which would
/// turn every score into NaN).
#[allow(clippy::unnecessary_cast)] // an integer literal, shared with the messages
pub const MAX_WEIGHT: f64 = max_weight!() as f64;

// The answers.

/// Highest value of a priority slider.
#[allow(clippy::unnecessary_cast)] // an integer literal, shared with the messages
pub const MAX_PRIORITY: f64 = max_priority!() as f64;
/// Largest accepted number of Monte Carlo samples.
pub const MAX_SAMPLES: u32 = 100_000;
/// Most score draws one call may make (about 0.1 s natively); larger
/// requests get fewer samples, and the result says how many were drawn.
pub const MAX_DRAWS: u64 = 10_000_000;

// Numeric matrices (`rank`) and pairwise matrices (`ahp`).

/// Most options a numeric matrix may have.
pub const MAX_RANK_OPTIONS: usize = max_rank_options!();
/// Most criteria a numeric matrix may have.
pub const MAX_RANK_CRITERIA: usize = 100;
/// Largest numeric matrix (`rank` input), in bytes of JSON: room for
/// 10,000 × 100 values written with full precision.
pub const MAX_NUMERIC_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;
/// Most criteria a pairwise matrix may have (the random index table ends there).
pub const MAX_AHP_SIZE: usize = 15;

// Reporting.

/// Most issues reported at once; the rest are counted.
pub const MAX_ISSUES: usize = 200;

// The messages that state a limit.

/// A weight (of a criterion, in answers, in `rank`) out of range.
pub const WEIGHT_RANGE: &str =
    concat!("a weight must be a finite number from 0 to ", max_weight!());
/// A choice's weight change out of range.
pub const WEIGHT_CHANGE_RANGE: &str = concat!(
    "a weight change must be a finite number from -",
    max_weight!(),
    " to ",
    max_weight!()
);
/// A priority item's weight per step out of range.
pub const WEIGHT_STEP_RANGE: &str = concat!(
    "a weight per step must be a finite number from 0 to ",
    max_weight!()
);
/// What a hybrid rule's group weight must be, after the field's name.
pub const GROUP_WEIGHT_RANGE: &str = concat!("must be a weight from 0 to ", max_weight!());
/// The range of a score (`value`, `low`, `high`; a weighted-sum value).
pub const ANCHOR_RANGE: &str = concat!("from 0 to ", anchor_max!());
/// A priority answer out of range.
pub const PRIORITY_RANGE: &str = concat!("a priority must be a number from 0 to ", max_priority!());
/// A priority slider's default out of range.
pub const SLIDER_DEFAULT_RANGE: &str =
    concat!("a slider default must be from 0 to ", max_priority!());
/// A count of options (the bulk `rank` form) out of range.
pub const OPTION_COUNT_RANGE: &str = concat!(
    "a count of options must be a whole number from 1 to ",
    max_rank_options!()
);
/// A seed out of range (`u32::MAX` is its top).
pub const SEED_RANGE: &str = "the seed must be a whole number from 0 to 4294967295";

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message ends with (or states) the number of its constant.
    #[test]
    fn messages_state_their_limits() {
        let weight = MAX_WEIGHT.to_string();
        assert_eq!(weight, "1000000");
        assert!(WEIGHT_RANGE.ends_with(&format!(" 0 to {weight}")));
        assert!(WEIGHT_CHANGE_RANGE.ends_with(&format!(" -{weight} to {weight}")));
        assert!(WEIGHT_STEP_RANGE.ends_with(&format!(" 0 to {weight}")));
        assert!(GROUP_WEIGHT_RANGE.ends_with(&format!(" 0 to {weight}")));
        assert_eq!(ANCHOR_RANGE, format!("from 0 to {ANCHOR_MAX}"));
        assert!(PRIORITY_RANGE.ends_with(&format!(" 0 to {MAX_PRIORITY}")));
        assert!(SLIDER_DEFAULT_RANGE.ends_with(&format!(" 0 to {MAX_PRIORITY}")));
        assert!(OPTION_COUNT_RANGE.ends_with(&format!(" 1 to {MAX_RANK_OPTIONS}")));
        assert!(SEED_RANGE.ends_with(&format!(" 0 to {}", u32::MAX)));
    }
}
