//! Rooms as places (seed 001: "camere" of a house, a mother placed with her children in
//! one room): a structure's rooms are records (name, floor, order), and a bed belongs to
//! one of them or to none. The free-text `beds.room` of earlier versions becomes one room
//! per distinct text of each structure, in the order of its first bed, and then goes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Rooms::Table)
                    .col(
                        ColumnDef::new(Rooms::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Rooms::StructureId).integer().not_null())
                    .col(ColumnDef::new(Rooms::Name).string_len(64).not_null())
                    .col(ColumnDef::new(Rooms::Floor).small_integer().null())
                    .col(ColumnDef::new(Rooms::Position).integer().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Rooms::Table, Rooms::StructureId)
                            .to(Structures::Table, Structures::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_rooms_structure_name")
                    .table(Rooms::Table)
                    .col(Rooms::StructureId)
                    .col(Rooms::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A bed's room, with its foreign key: a room with beds cannot go, even when a bed is
        // put in it at the same moment on another replica. Written by hand, as SQLite adds a
        // column with a reference only in this form (both databases read it alike).
        manager
            .get_connection()
            .execute_unprepared(
                "ALTER TABLE beds ADD COLUMN room_id INTEGER NULL REFERENCES rooms(id)",
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_beds_room")
                    .table(Beds::Table)
                    .col(Beds::RoomId)
                    .to_owned(),
            )
            .await?;
        // The rooms written as text until now, one record each, and their beds in them.
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO rooms (structure_id, name, position) \
             SELECT structure_id, room, MIN(position) FROM beds \
             WHERE room IS NOT NULL AND room <> '' GROUP BY structure_id, room",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE beds SET room_id = (SELECT rooms.id FROM rooms \
             WHERE rooms.structure_id = beds.structure_id AND rooms.name = beds.room) \
             WHERE room IS NOT NULL AND room <> ''",
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Beds::Table)
                    .drop_column(Beds::Room)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Beds::Table)
                    .add_column(ColumnDef::new(Beds::Room).string_len(64).null())
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE beds SET room = (SELECT rooms.name FROM rooms WHERE rooms.id = beds.room_id)",
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_beds_room")
                    .table(Beds::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Beds::Table)
                    .drop_column(Beds::RoomId)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Rooms::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Structures {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Beds {
    Table,
    Room,
    RoomId,
}

#[derive(DeriveIden)]
enum Rooms {
    Table,
    Id,
    StructureId,
    Name,
    Floor,
    Position,
}
