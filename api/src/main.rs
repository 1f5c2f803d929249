use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    motebok::cli::main().await
}
