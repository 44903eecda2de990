//! Tests in the middle: server-side functions called with a request context on a real
//! database, without HTTP, next to the code they test. Each test gets a fresh database
//! with the schema and the demo network: SQLite, or PostgreSQL when
//! `ANELLO_TEST_POSTGRES_URL` is set (`make test` runs the suite both ways, like the
//! HTTP tests of `server/tests`).

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;

/// A database made for one test; `finish` removes it.
pub struct TestDb {
    pub db: DatabaseConnection,
    pub backend: &'static str,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteFile(std::path::PathBuf),
    PostgresDatabase { server: String, name: String },
}

/// A fresh database for one test: PostgreSQL when configured, SQLite otherwise. (A list,
/// so that a test reads the same if it is ever given both at once.)
pub async fn databases() -> Vec<TestDb> {
    match std::env::var("ANELLO_TEST_POSTGRES_URL") {
        Ok(server) => vec![postgres(&server).await],
        Err(_) => vec![sqlite().await],
    }
}

fn unique_name() -> String {
    use rand::Rng;
    format!("anello_test_{:016x}", rand::thread_rng().gen::<u64>())
}

async fn sqlite() -> TestDb {
    let file = std::env::temp_dir().join(format!("{}.db", unique_name()));
    let db = crate::kernel::db::connect(&format!("sqlite://{}?mode=rwc", file.display()))
        .await
        .expect("open the test database");
    TestDb::prepared(db, "sqlite", Cleanup::SqliteFile(file)).await
}

async fn postgres(server: &str) -> TestDb {
    // The same prefix as the HTTP tests' databases: `make test` drops leftovers.
    let name = unique_name();
    let admin = Database::connect(server).await.expect("reach PostgreSQL");
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create the test database");
    admin.close().await.ok();
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    let db = crate::kernel::db::connect(&format!("{base}/{name}"))
        .await
        .expect("open the test database");
    let cleanup = Cleanup::PostgresDatabase {
        server: server.to_string(),
        name,
    };
    TestDb::prepared(db, "postgres", cleanup).await
}

impl TestDb {
    async fn prepared(db: DatabaseConnection, backend: &'static str, cleanup: Cleanup) -> TestDb {
        use migrations::MigratorTrait;
        migrations::Migrator::up(&db, None).await.expect("migrate");
        crate::demo::load_demo_network(&db)
            .await
            .expect("load the demo network");
        TestDb {
            db,
            backend,
            cleanup,
        }
    }

    /// The request context of a demo user, as `auth::ssr::guard` would hand it to a
    /// server function after the policy allowed her.
    pub async fn as_user(&self, email: &str) -> Ctx {
        let user = self.user(email).await;
        Ctx::for_test(self.db.clone(), Some(user))
    }

    /// A demo user as the sign-in loads her.
    pub async fn user(&self, email: &str) -> CurrentUser {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let row = crate::entity::users::Entity::find()
            .filter(crate::entity::users::Column::Email.eq(email))
            .one(&self.db)
            .await
            .expect("read users")
            .unwrap_or_else(|| panic!("no demo user {email}"));
        crate::auth::ssr::current_user_by_id(&self.db, row.id)
            .await
            .expect("load the user")
            .expect("an active user")
    }

    /// Closes the connection and removes the database.
    pub async fn finish(self) {
        self.db.close().await.ok();
        match self.cleanup {
            Cleanup::SqliteFile(file) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
                }
            }
            Cleanup::PostgresDatabase { server, name } => {
                if let Ok(admin) = Database::connect(&server).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    admin.close().await.ok();
                }
            }
        }
    }
}
