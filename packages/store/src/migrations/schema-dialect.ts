import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely';

/**
 * The few DDL differences between SQLite and PostgreSQL, as one object per dialect, so migration
 * files never branch on the database name.
 */
export interface SchemaDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column type for an auto-numbered primary key (`integer` rowid on SQLite, `bigint` identity on PostgreSQL). */
  readonly serialType: ColumnDataType;
  serialPrimaryKey(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Statements that make `table` refuse UPDATE (append-only rows; corrections are new rows). */
  appendOnly(table: string): readonly string[];
  /** Statements that leave `percent` of each new table page filled, so row updates can stay on their page (PostgreSQL only). */
  fillfactor(table: string, percent: number): readonly string[];
}

export const sqliteSchema: SchemaDialect = {
  name: 'sqlite',
  serialType: 'integer',
  serialPrimaryKey: (c) => c.primaryKey().autoIncrement(),
  appendOnly: (table) => [
    `create trigger ${table}_append_only before update on ${table} begin select raise(abort, '${table} is append-only'); end`,
  ],
  fillfactor: () => [],
};

export const postgresSchema: SchemaDialect = {
  name: 'postgres',
  serialType: 'bigint',
  serialPrimaryKey: (c) => c.primaryKey().generatedByDefaultAsIdentity(),
  appendOnly: (table) => [
    `create or replace function puhui_append_only() returns trigger language plpgsql as $$ begin raise exception '% is append-only', tg_table_name; end $$`,
    `create trigger ${table}_append_only before update on ${table} for each row execute function puhui_append_only()`,
  ],
  fillfactor: (table, percent) => [`alter table ${table} set (fillfactor = ${percent})`],
};
