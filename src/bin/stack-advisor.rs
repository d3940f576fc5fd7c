//! `stack-advisor`: the engine on the command line.
//!
//! Hand-written argument parsing (five subcommands, a few flags) keeps the
//! CLI free of a parser dependency.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use stack_advisor::rank::{self, Method, RankInput};
    use stack_advisor::{json, Error, Matrix};
    use std::collections::BTreeMap;
    use std::io::Read;
    use std::process::ExitCode;

    const USAGE: &str = "usage:
      stack-advisor recommend [--matrix FILE] [--answers FILE|-]   print the recommendation as JSON
      stack-advisor check FILE                                      validate a matrix, list every problem
      stack-advisor matrix                                          print the default matrix
      stack-advisor rank --matrix FILE --method wsm|topsis [--weights FILE]
                                                                    rank the options (author or numeric matrix)
      stack-advisor ahp FILE|-                                      AHP weights of a pairwise comparison matrix";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match run(&args) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("stack-advisor: {message}");
                ExitCode::from(2)
            }
        }
    }

    fn run(args: &[String]) -> Result<ExitCode, String> {
        match args.split_first() {
            Some((cmd, rest)) if cmd == "recommend" => recommend(rest),
            Some((cmd, [file])) if cmd == "check" => check(file),
            Some((cmd, rest)) if cmd == "rank" => rank(rest),
            Some((cmd, [file])) if cmd == "ahp" => ahp(file),
            Some((cmd, [])) if cmd == "matrix" => {
                out(stack_advisor::DEFAULT_MATRIX_JSON.trim_end());
                Ok(ExitCode::SUCCESS)
            }
            Some((cmd, [])) if cmd == "--help" || cmd == "-h" || cmd == "help" => {
                out(USAGE);
                Ok(ExitCode::SUCCESS)
            }
            _ => Err(format!("unknown arguments\n{USAGE}")),
        }
    }

    fn recommend(args: &[String]) -> Result<ExitCode, String> {
        let (mut matrix_file, mut answers_file) = (None, None);
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--matrix" => matrix_file = Some(value),
                "--answers" => answers_file = Some(value),
                _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
            }
        }
        let matrix = match matrix_file {
            Some(file) => load_matrix(file)?,
            None => stack_advisor::default_matrix(),
        };
        let answers = match answers_file {
            Some(file) => json::parse_answers(&read(file)?).map_err(|e| one_line(&e))?,
            None => stack_advisor::Answers::new(),
        };
        let result = stack_advisor::recommend(&matrix, &answers).map_err(|e| one_line(&e))?;
        out(&json::to_pretty(&result));
        Ok(ExitCode::SUCCESS)
    }

    fn rank(args: &[String]) -> Result<ExitCode, String> {
        let (mut matrix_file, mut method, mut weights_file) = (None, None, None);
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--matrix" => matrix_file = Some(value),
                "--method" => {
                    method = Some(Method::parse(value).ok_or_else(|| {
                        format!("--method: \"{value}\" is not a method; expected wsm or topsis")
                    })?)
                }
                "--weights" => weights_file = Some(value),
                _ => return Err(format!("unknown flag {flag}\n{USAGE}")),
            }
        }
        let file = matrix_file.ok_or("rank needs --matrix FILE")?;
        let method = method.ok_or("rank needs --method wsm or --method topsis")?;
        let weights: Option<BTreeMap<String, f64>> = match weights_file {
            Some(w) => Some(
                json::parse_input(&read(w)?, "weights", json::MAX_NUMERIC_DOCUMENT_BYTES)
                    .map_err(|e| format!("{w}: {}", one_line(&e)))?,
            ),
            None => None,
        };
        let text = read(file)?;
        let result = if json::is_numeric_matrix(&text) {
            let input: RankInput = json::parse_input(&text, "", json::MAX_NUMERIC_DOCUMENT_BYTES)
                .map_err(|e| format!("{file}: {}", one_line(&e)))?;
            rank::rank(&input, method, weights.as_ref())
        } else {
            let matrix =
                json::parse_matrix(&text).map_err(|e| format!("{file}: {}", one_line(&e)))?;
            rank::rank_matrix(&matrix, method, weights.as_ref())
        };
        let result = result.map_err(|e| format!("{file}: {}", one_line(&e)))?;
        out(&json::to_pretty(&result));
        Ok(ExitCode::SUCCESS)
    }

    fn ahp(file: &str) -> Result<ExitCode, String> {
        let pairwise: Vec<Vec<f64>> =
            json::parse_input(&read(file)?, "pairwise", json::MAX_NUMERIC_DOCUMENT_BYTES)
                .map_err(|e| format!("{file}: {}", one_line(&e)))?;
        let result = stack_advisor::ahp::ahp_weights(&pairwise)
            .map_err(|e| format!("{file}: {}", one_line(&e)))?;
        out(&json::to_pretty(&result));
        Ok(ExitCode::SUCCESS)
    }

    fn check(file: &str) -> Result<ExitCode, String> {
        let matrix = load_matrix(file)?;
        match stack_advisor::validate(&matrix) {
            Ok(()) => {
                out(&format!("{file}: valid"));
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                for issue in e.issues() {
                    out(&format!(
                        "{file}: {}: {} — {}",
                        issue.path, issue.message, issue.hint
                    ));
                }
                out(&format!("{} problem(s)", e.issues().len()));
                Ok(ExitCode::from(1))
            }
        }
    }

    fn load_matrix(file: &str) -> Result<Matrix, String> {
        json::parse_matrix(&read(file)?).map_err(|e| format!("{file}: {}", one_line(&e)))
    }

    fn read(file: &str) -> Result<String, String> {
        if file == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            return Ok(text);
        }
        std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))
    }

    /// Prints a line; a closed pipe (e.g. `| head`) is not an error worth a panic.
    fn out(text: &str) {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{text}");
    }

    fn one_line(error: &Error) -> String {
        error.to_string().replace('\n', " ")
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The CLI is native only; the wasm build has the JS API instead.
#[cfg(target_arch = "wasm32")]
fn main() {}
