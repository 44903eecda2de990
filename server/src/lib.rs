//! The server side of Anello: configuration, start-up and the command-line verbs.
//! The application itself (pages, server functions, database code) lives in `app`.

pub mod board_events;
pub mod config;
pub mod forum_files;
pub mod mail;
pub mod people_export;
pub mod report_export;
pub mod security;
pub mod startup;
pub mod users_cli;

use anyhow::Context;
use app::db;
use config::{Cli, Command, ServeArgs, UserCommand};
use migrations::{Migrator, MigratorTrait};
use tracing_subscriber::EnvFilter;

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_new(&cli.log_level).unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_target(false)
        .init();

    let db = db::connect(&cli.database_url).await.with_context(|| {
        format!(
            "cannot open the database at {}",
            db::redacted(&cli.database_url)
        )
    })?;
    Migrator::up(&db, None)
        .await
        .context("database migration failed")?;
    app::forum::materials::ssr::sync_checklist_at_start(&db)
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

fn print_demo_accounts(report: &app::demo::DemoReport) {
    println!(
        "Demo network loaded: {} organisations, {} structures, {} beds.",
        report.organisations, report.structures, report.beds
    );
    println!("Demo accounts (password `{}`):", app::demo::DEMO_PASSWORD);
    for (email, description) in app::demo::DEMO_ACCOUNTS {
        println!("  {email:<34} {description}");
    }
}
