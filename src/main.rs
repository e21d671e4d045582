use clap::Parser;
fn main() {
    let _cli = git_charter::cli::Cli::parse();
}
