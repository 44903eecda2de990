//! The server side of Anello: configuration, start-up and the command-line verbs.
//! The application itself (pages, server functions, database code) lives in `app`.

pub mod assets;
pub mod backup;
pub mod board_events;
pub mod certificate_download;
pub mod config;
pub mod event_streams;
pub mod forum_files;
pub mod health;
pub mod mail;
pub mod migrate;
pub mod notification_events;
pub mod observe;
pub mod people_export;
pub mod person_documents;
pub mod public_origin;
pub mod report_export;
pub mod security;
pub mod shutdown;
pub mod spending_export;
pub mod startup;
pub mod uploads;
pub mod users_cli;

use anyhow::Context;
use app::kernel::db;
use config::{Cli, Command, ServeArgs, UserCommand};
use tracing_subscriber::EnvFilter;

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    init_logs(&cli.log_level, cli.log_format);

    // A restore goes into an empty database before anything is created in it.
    if let Some(Command::Restore { file }) = &cli.command {
        backup::restore(&cli.database_url, file).await?;
        println!(
            "restored {} into {}",
            file.display(),
            db::redacted(&cli.database_url)
        );
        return Ok(());
    }

    let db = db::connect(&cli.database_url).await.with_context(|| {
        format!(
            "cannot open the database at {}",
            db::redacted(&cli.database_url)
        )
    })?;
    migrate::migrate(&db)
        .await
        .context("database migration failed")?;
    app::people::screening::ssr::sync_library_at_start(&db)
        .await
        .context("cannot prepare the indicator checklist")?;

    let command = cli
        .command
        .unwrap_or(Command::Serve(ServeArgs::default_from_env()));
    match command {
        Command::Migrate => {
            tracing::info!("database migrated");
            Ok(())
        }
        Command::DemoData => {
            if cli.production {
                anyhow::bail!("production mode refuses demo data");
            }
            let report = app::demo::load_demo_network(&db).await?;
            app::demo::load_demo_activity(&db).await?;
            print_demo_accounts(&report);
            Ok(())
        }
        Command::User(UserCommand::Create(args)) => {
            let password = users_cli::read_password()?;
            users_cli::create_user(&db, args, &password, cli.production)
                .await
                .map(|_| ())
        }
        Command::User(UserCommand::Disable { email }) => users_cli::disable_user(&db, &email).await,
        Command::Backup { file } => {
            backup::backup(&db, &cli.database_url, &file).await?;
            println!("backup written to {}", file.display());
            Ok(())
        }
        Command::Restore { .. } => anyhow::bail!("a restore runs before the database is opened"),
        Command::Serve(args) => {
            if cli.production {
                app::demo::refuse_demo_accounts(&db)
                    .await
                    .context("production mode refuses to start")?;
            } else if args.demo_if_empty && app::demo::network_is_empty(&db).await? {
                let report = app::demo::load_demo_network(&db).await?;
                app::demo::load_demo_activity(&db).await?;
                print_demo_accounts(&report);
            }
            startup::serve(db, args, cli.production).await
        }
    }
}

/// Logs to standard error (systemd's journal, a container's log) as text, or as one JSON
/// object per line for a log collector.
fn init_logs(filter: &str, format: config::LogFormat) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|error| {
        eprintln!("anello: log filter {filter:?} not understood ({error}); using info");
        EnvFilter::new("info")
    });
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        config::LogFormat::Text => logs.with_target(false).init(),
        config::LogFormat::Json => logs
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(false)
            .init(),
    }
}

fn print_demo_accounts(report: &app::demo::DemoReport) {
    println!(
        "Demo network loaded: {} organisations, {} structures, {} beds.",
        report.organisations, report.structures, report.beds
    );
    println!(
        "Demo accounts (password `{}`):",
        app::auth::password::DEMO_PASSWORD
    );
    for (email, description) in app::demo::DEMO_ACCOUNTS {
        println!("  {email:<34} {description}");
    }
}
