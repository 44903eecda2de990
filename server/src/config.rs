//! Command line and environment: every option has a flag and an `ANELLO_*` variable.

use std::net::SocketAddr;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Parser)]
#[command(
    name = "anello",
    version,
    about = "Anello: the working tool of a regional anti-trafficking network",
    long_about = "Anello: bed board, people, personalised projects and knowledge forum of a \
                  regional anti-trafficking network. Runs on an embedded SQLite file by default \
                  or on PostgreSQL for several replicas."
)]
pub struct Cli {
    /// Database URL: `sqlite://data/anello.db?mode=rwc` (created if missing) or `postgres://...`.
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        default_value = "sqlite://data/anello.db?mode=rwc"
    )]
    pub database_url: String,

    /// Log filter, e.g. `info`, `anello=debug,tower_http=info`.
    #[arg(long, global = true, env = "ANELLO_LOG", default_value = "info")]
    pub log_level: String,

    /// Log lines as text for people or as JSON objects for a log collector.
    #[arg(long, global = true, env = "ANELLO_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Production mode: refuses demo data and demo passwords, and refuses to serve without
    /// the identity key and an `https://` public URL.
    #[arg(long, global = true, env = "ANELLO_PRODUCTION")]
    pub production: bool,

    /// What to do; without one, `serve` with its defaults.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database and serve the application.
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the fictional demo network (organisations, users, structures, beds). Refused in production.
    DemoData,
    /// Manage user accounts from the command line.
    #[command(subcommand)]
    User(UserCommand),
    /// Write a consistent copy of the whole database to FILE while the server keeps
    /// serving (SQLite: `VACUUM INTO`; PostgreSQL: `pg_dump --format=custom`).
    Backup {
        /// The backup file to write; it must not exist yet.
        file: std::path::PathBuf,
    },
    /// Restore a backup made by `anello backup` into an empty database (refuses one that
    /// holds any data).
    Restore {
        /// The backup file to read.
        file: std::path::PathBuf,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "ANELLO_LISTEN", default_value = "127.0.0.1:3000")]
    pub listen: SocketAddr,

    /// Send the session cookie without `Secure` (named `anello_session` instead of
    /// `__Host-anello_session`) and no HSTS: only for plain-HTTP development on another host
    /// than localhost. Browsers accept Secure cookies from http://127.0.0.1 and localhost.
    #[arg(long, env = "ANELLO_INSECURE_COOKIES")]
    pub insecure_cookies: bool,

    /// Load the demo network if the database has no organisation yet (what `make run` does).
    #[arg(long, env = "ANELLO_DEMO_IF_EMPTY")]
    pub demo_if_empty: bool,

    /// Behind a reverse proxy: take the client address from the last `X-Forwarded-For` hop
    /// (the one the proxy added) and the scheme from `X-Forwarded-Proto`. Only when every
    /// request comes through that proxy.
    #[arg(long, env = "ANELLO_TRUST_PROXY")]
    pub trust_proxy: bool,

    /// Secret (at least 32 characters) of the keyed hash that spots a person registered
    /// twice without comparing identities. Required in production; every replica must
    /// use the same one. Prefer the environment variable to the flag.
    #[arg(long, env = "ANELLO_IDENTITY_KEY", hide_env_values = true)]
    pub identity_key: Option<String>,

    /// Secret (at least 32 characters) a person's documents are sealed with at rest.
    /// Required in production; every replica must use the same one, and it must not
    /// change while documents are kept. Prefer the environment variable to the flag.
    #[arg(long, env = "ANELLO_DOCUMENTS_KEY", hide_env_values = true)]
    pub documents_key: Option<String>,

    /// SMTP server for e-mail about notifications, e.g. `smtp://mail.local:25` or
    /// `smtps://user:password@smtp.example.org`. Without it nothing is ever e-mailed.
    #[arg(long, env = "ANELLO_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Sender of those e-mails.
    #[arg(
        long,
        env = "ANELLO_MAIL_FROM",
        default_value = "Anello <anello@localhost>"
    )]
    pub mail_from: String,

    /// The origin browsers open Anello at, e.g. `https://anello.rete.example`: requests
    /// that change data must come from it, cookies are `Secure` and HSTS is sent when it is
    /// `https://`, and e-mails link to it. Required in production. Without it the `Host`
    /// header is trusted, which is only right without a proxy in front.
    #[arg(long, env = "ANELLO_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Serve Prometheus metrics at `GET /metrics` on this separate address (off by
    /// default; keep it reachable only by the monitoring system).
    #[arg(long, env = "ANELLO_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,

    /// In the funder report's exports, print view and single-organisation views, counts
    /// below this are shown as "<N" (and the cells that would give them away withheld).
    #[arg(
        long,
        env = "ANELLO_REPORT_MIN_COUNT",
        default_value_t = app::reports::model::DEFAULT_MIN_COUNT,
        value_parser = clap::value_parser!(i64).range(1..=50)
    )]
    pub report_min_count: i64,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user, e.g. the first administrator. The password is read from
    /// `ANELLO_PASSWORD` or, if unset, from the first line of standard input.
    Create(CreateUserArgs),
    /// Disable a user and end all of their sessions at once.
    Disable {
        /// E-mail address of the user.
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Args)]
pub struct CreateUserArgs {
    /// E-mail address (the sign-in name).
    #[arg(long)]
    pub email: String,
    /// Name shown to colleagues.
    #[arg(long)]
    pub name: String,
    /// Organisation name; created as the network coordination if it does not exist yet.
    #[arg(
        long,
        default_value = "Regione Piemonte - Coordinamento rete antitratta"
    )]
    pub organisation: String,
    /// Roles: administrator, coordinator, reception_manager, case_worker, outreach_worker, trainer, partner.
    #[arg(long = "role", required = true, value_delimiter = ',')]
    pub roles: Vec<String>,
    /// Preferred language, it or en; without it the interface follows the browser.
    #[arg(long)]
    pub language: Option<String>,
}

impl ServeArgs {
    /// `serve` with every option at its default or from its `ANELLO_*` variable, for a bare
    /// `anello` (as `cargo leptos watch` starts it).
    pub fn default_from_env() -> ServeArgs {
        #[derive(Parser)]
        struct OnlyServe {
            #[command(flatten)]
            args: ServeArgs,
        }
        OnlyServe::parse_from(["anello"]).args
    }
}
