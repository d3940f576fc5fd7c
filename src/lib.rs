//! # stack-advisor
//!
//! An explainable, cited decision-matrix engine. Options are scored against
//! criteria on a fixed 0–10 scale; a reader's answers set the criterion
//! weights; the result says which option wins, how sure that is, why (with
//! sources), and what would change it.
//!
//! The core is plain Rust with no JavaScript types: `src/wasm/` converts and
//! delegates for the browser build, and `src/bin/` is the native CLI.
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! let matrix = stack_advisor::default_matrix();
//! let answers = stack_advisor::json::parse_answers(r#"{"project": "ai-ml"}"#).unwrap();
//! let result = stack_advisor::recommend(&matrix, &answers).unwrap();
//! assert_eq!(result.verdict, "python");
//! # }
//! ```

pub mod ahp;
pub mod answers;
pub mod error;
pub mod explain;
#[cfg(not(target_arch = "wasm32"))]
pub mod fallback;
pub mod hybrid;
#[cfg(not(target_arch = "wasm32"))]
pub mod json;
pub mod limits;
pub mod map;
pub mod model;
pub mod rank;
mod recommend;
pub mod result;
pub mod score;
pub mod sensitivity;
pub mod small;
#[cfg(not(target_arch = "wasm32"))]
mod structure;
pub mod uncertainty;
pub mod validate;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use answers::{AnswerValue, Answers};
pub use error::{Error, Issue};
pub use model::Matrix;
pub use recommend::{recommend, recommend_validated};
pub use result::{Confidence, Recommendation};
pub use validate::validate;

/// The default Node.js-vs-Python matrix as JSON text.
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_MATRIX_JSON: &str = include_str!("../data/node-vs-python.json");

/// The default Node.js-vs-Python matrix (native builds embed it; the wasm
/// build leaves it to the JS bundle, which saves bytes).
#[cfg(not(target_arch = "wasm32"))]
pub fn default_matrix() -> Matrix {
    json::parse_matrix(DEFAULT_MATRIX_JSON)
        .unwrap_or_else(|e| panic!("data/node-vs-python.json is broken: {e}"))
}
