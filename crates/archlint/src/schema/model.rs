//! Tables, columns, keys, indexes, enum types and views, each with the place
//! where it is defined and the file (migration) that created or last changed it.
//!
//! Names are compared case-insensitively, without quotes, and without a
//! `public.`/`main.`/`dbo.` schema prefix ([`Schema::same_name`]); they are kept as
//! written for messages.

use std::collections::HashMap;

use crate::base::diagnostic::Place;
use crate::base::source::FileId;
use crate::sql::Dialect;

#[derive(Debug, Clone, Default)]
pub struct Schema {
    pub dialect: Dialect,
    /// In creation order.
    pub tables: Vec<Table>,
    pub enums: Vec<EnumType>,
    pub domains: Vec<Domain>,
    pub views: Vec<View>,
    /// Every statement applied, in order: what migration-aware rules read.
    pub statements: Vec<StatementRecord>,
    /// The history hashes passwords in the database (pgcrypto's `crypt()` with
    /// `gen_salt()`, in a function, a default or a data statement).
    pub hashes_passwords: bool,
    /// Each migration file's release: files of one day (`20240105…`) or
    /// one version (`20210623162417000000_a`, `…_b`) ship together, so a
    /// table they create holds no rows yet when they change it.
    pub releases: HashMap<FileId, String>,
    /// Tables a file emptied (`DELETE FROM t`, `TRUNCATE t`): until the file
    /// ends they hold no rows, whatever their age.
    pub emptied: Vec<(FileId, String)>,
    /// Lower-case unqualified table name → position in `tables`, kept by
    /// `add_table`, `remove_table` and `rename_table`. Trusted only while it
    /// has one entry per table; a schema built by hand is scanned instead.
    table_index: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub primary_key: Option<Key>,
    pub uniques: Vec<Key>,
    pub foreign_keys: Vec<ForeignKey>,
    pub checks: Vec<Check>,
    pub indexes: Vec<Index>,
    /// MySQL storage engine (`InnoDB`, `MyISAM` ...), as written.
    pub engine: Option<String>,
    /// MySQL default character set, as written.
    pub charset: Option<String>,
    pub comment: Option<String>,
    pub row_level_security: bool,
    pub temporary: bool,
    /// The history inserts rows itself (`INSERT INTO t VALUES`): a lookup
    /// table it fills, such as a list of kinds or states.
    pub seeded: bool,
    /// The columns of foreign keys the history dropped: references left
    /// unchecked on purpose.
    pub dropped_foreign_keys: Vec<Vec<String>>,
    pub place: Place,
    /// The file whose statement created the table.
    pub created_in: FileId,
    /// The file whose statement last changed it (its creation included).
    pub changed_in: FileId,
}

/// MySQL storage engines without transactions or foreign keys.
const NON_TRANSACTIONAL: [&str; 7] = [
    "myisam", "memory", "heap", "archive", "csv", "merge", "aria",
];

impl Table {
    /// Drops the foreign keys `matches` picks, remembering their columns.
    pub fn drop_foreign_keys(&mut self, matches: impl Fn(&ForeignKey) -> bool) {
        let (dropped, kept): (Vec<ForeignKey>, Vec<ForeignKey>) =
            std::mem::take(&mut self.foreign_keys)
                .into_iter()
                .partition(|key| matches(key));
        self.foreign_keys = kept;
        self.dropped_foreign_keys
            .extend(dropped.into_iter().map(|key| key.columns));
    }

    /// A MySQL table whose engine has no transactions or foreign keys.
    pub fn is_non_transactional(&self) -> bool {
        self.engine
            .as_deref()
            .is_some_and(|engine| NON_TRANSACTIONAL.contains(&engine.to_ascii_lowercase().as_str()))
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    /// The type as written, lower-cased and with single spaces: `varchar(255)`,
    /// `timestamp with time zone`, `int unsigned`.
    pub data_type: String,
    pub nullable: bool,
    pub default: Option<String>,
    /// `serial`, `AUTO_INCREMENT`, `AUTOINCREMENT` or an identity column.
    pub auto_increment: bool,
    /// `GENERATED ALWAYS AS (...)` and similar computed columns.
    pub generated: bool,
    pub comment: Option<String>,
    pub place: Place,
    pub changed_in: FileId,
}

/// A primary key or unique constraint.
#[derive(Debug, Clone)]
pub struct Key {
    pub name: Option<String>,
    /// The name the database gave it when the DDL gave none (see
    /// `schema/naming.rs`): what a later `DROP CONSTRAINT` names.
    pub implicit_name: Option<String>,
    pub columns: Vec<String>,
    pub place: Place,
}

#[derive(Debug, Clone)]
pub struct ForeignKey {
    pub name: Option<String>,
    /// The name the database gave it when the DDL gave none (see
    /// `schema/naming.rs`): what a later `DROP CONSTRAINT` names.
    pub implicit_name: Option<String>,
    pub columns: Vec<String>,
    pub ref_table: String,
    /// Empty when the reference names no columns (the referenced primary key).
    pub ref_columns: Vec<String>,
    /// `cascade`, `set null`, `restrict` ... as written, lower-cased.
    pub on_delete: Option<String>,
    pub on_update: Option<String>,
    pub not_valid: bool,
    pub place: Place,
}

#[derive(Debug, Clone)]
pub struct Check {
    pub name: Option<String>,
    /// The name the database gave it when the DDL gave none (see
    /// `schema/naming.rs`): what a later `DROP CONSTRAINT` names.
    pub implicit_name: Option<String>,
    pub expression: String,
    pub not_valid: bool,
    pub place: Place,
}

#[derive(Debug, Clone)]
pub struct Index {
    pub name: Option<String>,
    /// The name the database gave it when the DDL gave none (see
    /// `schema/naming.rs`): what a later `DROP CONSTRAINT` names.
    pub implicit_name: Option<String>,
    /// Column names, or expressions as written.
    pub columns: Vec<String>,
    pub unique: bool,
    /// `btree`, `gin`, `hash` ... when given.
    pub method: Option<String>,
    /// The `WHERE` of a partial index.
    pub predicate: Option<String>,
    pub place: Place,
    pub created_in: FileId,
}

#[derive(Debug, Clone)]
pub struct EnumType {
    pub name: String,
    pub values: Vec<String>,
    pub place: Place,
}

#[derive(Debug, Clone)]
pub struct Domain {
    pub name: String,
    pub data_type: String,
    pub nullable: bool,
    pub checks: Vec<String>,
    pub place: Place,
}

#[derive(Debug, Clone)]
pub struct View {
    pub name: String,
    pub materialized: bool,
    pub place: Place,
}

/// What a statement was, for rules that look at the history rather than the
/// final state (migration safety).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    CreateTable,
    CreateIndex,
    AlterTable,
    Drop,
    CreateType,
    CreateView,
    Comment,
    Other,
    /// sqlparser could not parse it; applied (or not) through the fallback reader.
    NotUnderstood,
}

#[derive(Debug, Clone)]
pub struct StatementRecord {
    pub kind: StatementKind,
    pub place: Place,
    /// The table the statement is about, when it has one.
    pub table: Option<String>,
    /// Whether the table may hold rows: it existed before this release (a
    /// day's or a version's migrations ship together) and this file has not
    /// emptied it (`DELETE FROM t` without `WHERE`, `TRUNCATE t`).
    pub table_preexisting: bool,
    /// What the statement changed, for migration-safety rules.
    pub changes: Vec<Change>,
    /// Read from inside a PostgreSQL `DO` block: applied as if its conditions
    /// (`IF NOT EXISTS ... THEN`) held.
    pub in_block: bool,
}

/// One effect of a statement, as migration-safety rules need to see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    AddColumn {
        column: String,
        not_null: bool,
        default: Option<String>,
    },
    DropColumn {
        column: String,
    },
    RenameColumn {
        from: String,
        to: String,
    },
    /// `ALTER COLUMN ... TYPE`, MySQL `MODIFY`/`CHANGE`.
    AlterColumnType {
        column: String,
        to: String,
    },
    SetNotNull {
        column: String,
    },
    AddConstraint {
        kind: ConstraintKind,
        name: Option<String>,
        not_valid: bool,
        using_index: bool,
        expression: Option<String>,
    },
    CreateIndex {
        concurrently: bool,
    },
    DropIndex {
        concurrently: bool,
    },
    DropTable,
    RenameTable {
        to: String,
    },
    AddEnumValue {
        value: String,
    },
    RenameEnumValue,
    BeginTransaction,
    EndTransaction,
    SetLockTimeout,
    /// `GRANT ... TO PUBLIC`: the objects granted, as written.
    GrantToPublic {
        objects: String,
    },
    /// MySQL `ALGORITHM=...` on an `ALTER TABLE`.
    Algorithm(String),
    /// `DELETE FROM t` without `WHERE`, or `TRUNCATE t`: no row is left.
    EmptyTable {
        table: String,
    },
    /// `INSERT INTO t VALUES ...`: rows the history itself writes.
    InsertRows {
        into: String,
    },
    /// `INSERT INTO t SELECT ... FROM a` or `UPDATE t ... FROM a`: rows
    /// copied from other tables.
    CopyData {
        into: String,
        from: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintKind {
    PrimaryKey,
    Unique,
    ForeignKey,
    Check,
    Index,
}

impl Schema {
    /// Whether two files belong to one release (see `releases`); a file
    /// with no release recorded is its own.
    pub fn same_release(&self, a: FileId, b: FileId) -> bool {
        a == b
            || matches!(
                (self.releases.get(&a), self.releases.get(&b)),
                (Some(one), Some(other)) if one == other
            )
    }

    /// Whether two names denote the same object: compared case-insensitively,
    /// without a default schema prefix (`public.`, `main.`, `dbo.`). Allocation
    /// free, as it runs for every lookup.
    pub fn same_name(a: &str, b: &str) -> bool {
        Schema::unqualified(a).eq_ignore_ascii_case(Schema::unqualified(b))
    }

    fn unqualified(name: &str) -> &str {
        for prefix in ["public.", "main.", "dbo."] {
            if name.len() > prefix.len()
                && name
                    .get(..prefix.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            {
                return name.get(prefix.len()..).unwrap_or(name);
            }
        }
        name
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.table_position(name)
            .and_then(|position| self.tables.get(position))
    }

    pub fn table_mut(&mut self, name: &str) -> Option<&mut Table> {
        self.table_position(name)
            .and_then(|position| self.tables.get_mut(position))
    }

    fn table_position(&self, name: &str) -> Option<usize> {
        if self.table_index.len() == self.tables.len() {
            return self.table_index.get(&Schema::index_key(name)).copied();
        }
        let wanted = Schema::unqualified(name);
        self.tables
            .iter()
            .position(|table| Schema::names(&table.name, wanted))
    }

    fn index_key(name: &str) -> String {
        Schema::unqualified(name).to_ascii_lowercase()
    }

    fn rebuild_table_index(&mut self) {
        self.table_index = self
            .tables
            .iter()
            .enumerate()
            .map(|(position, table)| (Schema::index_key(&table.name), position))
            .collect();
    }

    /// Adds a table, or replaces the one of the same name.
    pub fn add_table(&mut self, table: Table) {
        match self.table_mut(&table.name) {
            Some(existing) => *existing = table,
            None => {
                self.tables.push(table);
                self.rebuild_if_stale();
            }
        }
    }

    /// Keeps the index in step after one table was added.
    fn rebuild_if_stale(&mut self) {
        let trusted = self.table_index.len() + 1 == self.tables.len();
        match self.tables.last() {
            Some(last) if trusted => {
                let key = Schema::index_key(&last.name);
                self.table_index.insert(key, self.tables.len() - 1);
            }
            _ => self.rebuild_table_index(),
        }
    }

    /// Removes the table of this name.
    pub fn remove_table(&mut self, name: &str) -> Option<Table> {
        let position = self.table_position(name)?;
        let table = self.tables.remove(position);
        self.rebuild_table_index();
        Some(table)
    }

    /// Drops the foreign keys that reference `columns` of `table` (a key
    /// dropped with `CASCADE` takes them along); a reference that names no
    /// columns is to the primary key.
    pub fn drop_references(&mut self, table: &str, columns: &[String], primary: bool) {
        let same_columns = |referenced: &[String]| {
            referenced.len() == columns.len()
                && referenced
                    .iter()
                    .zip(columns)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        };
        for other in &mut self.tables {
            other.foreign_keys.retain(|key| {
                !(Schema::same_name(&key.ref_table, table)
                    && if key.ref_columns.is_empty() {
                        primary
                    } else {
                        same_columns(&key.ref_columns)
                    })
            });
        }
    }

    /// Ends the temporary tables: they live for one session (one migration
    /// file), or until commit (`ON COMMIT DROP`).
    pub fn drop_temporary_tables(&mut self) {
        if self.tables.iter().any(|table| table.temporary) {
            self.tables.retain(|table| !table.temporary);
            self.rebuild_table_index();
        }
    }

    /// Renames a table; false when there is none of that name.
    pub fn rename_table(&mut self, old: &str, new: &str) -> bool {
        let Some(table) = self.table_mut(old) else {
            return false;
        };
        table.name = new.to_owned();
        table.place.object = Some(new.to_owned());
        self.rebuild_table_index();
        true
    }

    /// Whether `name` names the unqualified `wanted`. Lookups scan every table,
    /// so most candidates are rejected on length alone: equal, or longer by one
    /// of the default-schema prefixes.
    fn names(name: &str, wanted: &str) -> bool {
        let extra = name.len().wrapping_sub(wanted.len());
        matches!(extra, 0 | 4 | 5 | 7) && Schema::unqualified(name).eq_ignore_ascii_case(wanted)
    }

    pub fn view(&self, name: &str) -> Option<&View> {
        self.views
            .iter()
            .find(|view| Schema::same_name(&view.name, name))
    }

    pub fn enum_type(&self, name: &str) -> Option<&EnumType> {
        self.enums
            .iter()
            .find(|item| Schema::same_name(&item.name, name))
    }

    /// The table holding the index with this name.
    pub fn index_owner(&self, index: &str) -> Option<&Table> {
        self.tables.iter().find(|table| {
            table
                .indexes
                .iter()
                .any(|candidate| candidate.called(index))
        })
    }

    /// The table holding the index with this name, for changing it.
    pub fn index_owner_mut(&mut self, index: &str) -> Option<&mut Table> {
        self.tables.iter_mut().find(|table| {
            table
                .indexes
                .iter()
                .any(|candidate| candidate.called(index))
        })
    }
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|column| column.name.eq_ignore_ascii_case(name))
    }

    pub fn column_mut(&mut self, name: &str) -> Option<&mut Column> {
        self.columns
            .iter_mut()
            .find(|column| column.name.eq_ignore_ascii_case(name))
    }

    /// `table.column`, the `object` of a finding about a column.
    pub fn object(&self, column: &str) -> String {
        format!("{}.{}", self.name, column)
    }
}

/// What constraints and indexes share: an explicit or implicit name.
macro_rules! named {
    ($($kind:ident),*) => {$(
        impl $kind {
            /// Whether the DDL gave it no name and none was chosen yet.
            pub fn is_unnamed(&self) -> bool {
                self.name.is_none() && self.implicit_name.is_none()
            }

            /// Whether `name` is its name, given or implied.
            pub fn called(&self, name: &str) -> bool {
                self.name
                    .iter()
                    .chain(&self.implicit_name)
                    .any(|own| Schema::same_name(own, name))
            }
        }
    )*};
}

named!(Key, ForeignKey, Check, Index);
