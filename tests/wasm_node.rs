//! The wasm build's test suite, run in Node.js by wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

include!("wasm/suite.rs");
