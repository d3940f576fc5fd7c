//! `stack-advisor`: the engine on the command line.
//!
//! Hand-written argument parsing (six subcommands, a few flags) keeps the
//! CLI free of a parser dependency.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use stack_advisor::limits::MAX_NUMERIC_DOCUMENT_BYTES;
    use stack_advisor::rank::{self, Method, RankInput};
    use stack_advisor::{json, Error, Matrix};
    use std::collections::BTreeMap;
    use std::io::Read;
    use std::process::ExitCode;

    const USAGE: &str = "usage:
      stack-advisor recommend [--matrix FILE] [--answers FILE|-]   print the recommendation as JSON
      stack-advisor render [--matrix FILE] [--answers FILE|-]      print it as plain HTML (for readers without JavaScript)
      stack-advisor check FILE                                      validate a matrix, list every problem
      stack-advisor matrix                                          print the default matrix
      stack-advisor rank --matrix FILE|- --method wsm|topsis [--weights FILE]
                                                                    rank the options (author or numeric matrix)
      stack-advisor ahp FILE|-                                      AHP weights of a pairwise comparison matrix
      stack-advisor --help                                          this text

    FILE - reads standard input. Formats: docs/matrix-format.md (matrix, answers, numeric matrix).
    Exit status: 0 done; 1 `check` found problems (each printed with its JSON path and fix);
    2 bad input or usage (one line naming the field and the fix).";

    /// Where a usage error points.
    const SEE_HELP: &str = "see stack-advisor --help";

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
        if args.iter().any(|a| a == "--help" || a == "-h") {
            out(USAGE);
            return Ok(ExitCode::SUCCESS);
        }
        let Some((cmd, rest)) = args.split_first() else {
            return Err(format!("no subcommand given; {SEE_HELP}"));
        };
        match cmd.as_str() {
            "recommend" => recommend(rest),
            "render" => render(rest),
            "check" => check(one_file(cmd, rest)?),
            "rank" => rank(rest),
            "ahp" => ahp(one_file(cmd, rest)?),
            "matrix" if rest.is_empty() => {
                out(stack_advisor::DEFAULT_MATRIX_JSON.trim_end());
                Ok(ExitCode::SUCCESS)
            }
            "matrix" => Err(format!(
                "matrix takes no arguments, got '{}'; {SEE_HELP}",
                clip(&rest.join(" "))
            )),
            "help" => {
                out(USAGE);
                Ok(ExitCode::SUCCESS)
            }
            other if other.starts_with('-') => {
                Err(format!("unknown option '{}'; {SEE_HELP}", clip(other)))
            }
            other => Err(format!("unknown subcommand '{}'; {SEE_HELP}", clip(other))),
        }
    }

    /// The one FILE argument of `check` and `ahp`.
    fn one_file<'a>(cmd: &str, rest: &'a [String]) -> Result<&'a str, String> {
        match rest {
            [file] => Ok(file),
            [] => Err(format!(
                "{cmd} needs a FILE (or - for standard input); {SEE_HELP}"
            )),
            _ => Err(format!(
                "{cmd} takes one FILE, got {} arguments; {SEE_HELP}",
                rest.len()
            )),
        }
    }

    /// `--flag value` pairs, each flag one of `known`.
    fn flags<'a>(
        cmd: &str,
        args: &'a [String],
        known: &[&str],
    ) -> Result<BTreeMap<&'a str, &'a str>, String> {
        let mut found = BTreeMap::new();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            if !known.contains(&flag.as_str()) {
                return Err(format!(
                    "{cmd}: unknown option '{}' (it takes {}); {SEE_HELP}",
                    clip(flag),
                    known.join(", ")
                ));
            }
            let value = it
                .next()
                .filter(|v| *v == "-" || !v.starts_with("--"))
                .ok_or_else(|| format!("{cmd}: {flag} needs a value; {SEE_HELP}"))?;
            if found.insert(flag.as_str(), value.as_str()).is_some() {
                return Err(format!("{cmd}: {flag} is given twice; {SEE_HELP}"));
            }
        }
        Ok(found)
    }

    /// The matrix and the recommendation `--matrix` and `--answers` ask for,
    /// and whether answers were given.
    fn recommendation(
        cmd: &str,
        args: &[String],
    ) -> Result<(Matrix, stack_advisor::Recommendation, bool), String> {
        let flags = flags(cmd, args, &["--matrix", "--answers"])?;
        let matrix = match flags.get("--matrix") {
            Some(file) => load_matrix(file)?,
            None => stack_advisor::default_matrix(),
        };
        let answers = match flags.get("--answers") {
            Some(file) => json::parse_answers(&read(file)?).map_err(|e| at(file, &e))?,
            None => stack_advisor::Answers::new(),
        };
        let result = stack_advisor::recommend(&matrix, &answers).map_err(|e| {
            match (&e, flags.get("--matrix")) {
                (Error::InvalidMatrix(issues), Some(file)) if issues.len() > 1 => format!(
                    "{}: {}; `stack-advisor check {file}` lists them all",
                    shown(file),
                    one_line(&e)
                ),
                (Error::InvalidMatrix(_), Some(file)) => at(file, &e),
                _ => one_line(&e),
            }
        })?;
        Ok((matrix, result, flags.contains_key("--answers")))
    }

    fn recommend(args: &[String]) -> Result<ExitCode, String> {
        let (_, result, _) = recommendation("recommend", args)?;
        out(&json::to_pretty(&result));
        Ok(ExitCode::SUCCESS)
    }

    fn render(args: &[String]) -> Result<ExitCode, String> {
        let (matrix, result, answered) = recommendation("render", args)?;
        let note = if answered {
            "This is the verdict for the answers given; the interactive advisor (it needs JavaScript) lets you change them."
        } else {
            "This is the verdict before any question is answered; the interactive advisor (it needs JavaScript) tailors it to your project."
        };
        out(stack_advisor::fallback::render(&matrix, &result, note).trim_end());
        Ok(ExitCode::SUCCESS)
    }

    fn rank(args: &[String]) -> Result<ExitCode, String> {
        let flags = flags("rank", args, &["--matrix", "--method", "--weights"])?;
        let file = *flags
            .get("--matrix")
            .ok_or(format!("rank needs --matrix FILE; {SEE_HELP}"))?;
        let method = flags.get("--method").ok_or(format!(
            "rank needs --method wsm or --method topsis; {SEE_HELP}"
        ))?;
        let method = Method::parse(method).ok_or_else(|| {
            format!(
                "--method: \"{}\" is not a method; use wsm or topsis",
                clip(method)
            )
        })?;
        let weights_file = flags.get("--weights");
        let weights: Option<BTreeMap<String, f64>> = match weights_file {
            Some(w) => Some(
                json::parse_input(&read(w)?, "weights", MAX_NUMERIC_DOCUMENT_BYTES)
                    .map_err(|e| at(w, &e))?,
            ),
            None => None,
        };
        let text = read(file)?;
        let result = if json::is_numeric_matrix(&text) {
            let input: RankInput = json::parse_input(&text, "", MAX_NUMERIC_DOCUMENT_BYTES)
                .map_err(|e| at(file, &e))?;
            rank::rank(&input, method, weights.as_ref())
        } else {
            let matrix = json::parse_matrix(&text).map_err(|e| at(file, &e))?;
            rank::rank_matrix(&matrix, method, weights.as_ref())
        };
        let result = result.map_err(|e| at(file, &e))?;
        out(&json::to_pretty(&result));
        Ok(ExitCode::SUCCESS)
    }

    fn ahp(file: &str) -> Result<ExitCode, String> {
        let pairwise: Vec<Vec<f64>> =
            json::parse_input(&read(file)?, "pairwise", MAX_NUMERIC_DOCUMENT_BYTES)
                .map_err(|e| at(file, &e))?;
        let result = stack_advisor::ahp::ahp_weights(&pairwise).map_err(|e| at(file, &e))?;
        out(&json::to_pretty(&result));
        Ok(ExitCode::SUCCESS)
    }

    fn check(file: &str) -> Result<ExitCode, String> {
        let text = read(file)?;
        let issues = match json::check_matrix(&text) {
            Ok(_) => {
                out(&format!("{}: valid", shown(file)));
                return Ok(ExitCode::SUCCESS);
            }
            Err(e) => e.issues().to_vec(),
        };
        for issue in &issues {
            out(&format!(
                "{}: {}: {} — {}",
                shown(file),
                issue.path,
                issue.message,
                issue.hint
            ));
        }
        let what = if issues.len() == 1 {
            "problem"
        } else {
            "problems"
        };
        out(&format!("{} {what}", issues.len()));
        Ok(ExitCode::from(1))
    }

    fn load_matrix(file: &str) -> Result<Matrix, String> {
        json::parse_matrix(&read(file)?).map_err(|e| at(file, &e))
    }

    /// A file as messages name it (`-` is standard input).
    fn shown(file: &str) -> &str {
        if file == "-" {
            "(stdin)"
        } else {
            file
        }
    }

    /// An argument, shortened for a message.
    fn clip(arg: &str) -> String {
        stack_advisor::error::clip(arg)
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

    /// `FILE: the error`, on one line.
    fn at(file: &str, error: &Error) -> String {
        format!("{}: {}", shown(file), one_line(error))
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
