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
}

export const sqliteSchema: SchemaDialect = {
  name: 'sqlite',
  serialType: 'integer',
  serialPrimaryKey: (c) => c.primaryKey().autoIncrement(),
};

export const postgresSchema: SchemaDialect = {
  name: 'postgres',
  serialType: 'bigint',
  serialPrimaryKey: (c) => c.primaryKey().generatedByDefaultAsIdentity(),
};
