import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/**
 * Columns a list may filter or sort servers on. Every list hides discarded servers unless
 * asked, so each index starts with `discarded`: the default `discarded = 0` plus one more
 * condition or sort key is then one index range, read in order, even on 100k servers.
 */
const LISTED_COLUMNS = {
  created: 'created_at, id',
  updated: 'updated_at',
  name: 'name',
  environment: 'environment',
  status: 'status',
  os_name: 'os_name',
  os_version: 'os_version',
  os_architecture: 'os_architecture',
  cpu_cores: 'cpu_cores',
  ram_mb: 'ram_mb',
  disk_gb: 'disk_gb',
};

const listIndexes = Object.entries(LISTED_COLUMNS).map(
  ([name, columns]) => `CREATE INDEX ix_servers_${name} ON servers (discarded, ${columns})`,
);

/**
 * The Server aggregate: the root row, its credentials and its installed applications. The
 * children belong to the server (foreign keys); `server_applications.application_id` has no
 * foreign key on purpose: `applications` is another module's table, which it only ever
 * soft-deletes, and servers follow its discards through events.
 */
export class CreateServers1764100000002 implements MigrationInterface {
  name = 'CreateServers1764100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === 'mysql') {
      await runEach(queryRunner, [
        `CREATE TABLE servers (
          id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          name VARCHAR(255) NOT NULL,
          cpu_cores INT NULL,
          ram_mb INT NULL,
          disk_gb INT NULL,
          environment VARCHAR(32) NOT NULL,
          os_name VARCHAR(64) NOT NULL,
          os_version VARCHAR(64) NOT NULL,
          os_architecture VARCHAR(64) NOT NULL,
          status VARCHAR(16) NOT NULL,
          revision INT NOT NULL,
          created_at DATETIME(3) NOT NULL,
          updated_at DATETIME(3) NOT NULL,
          discarded TINYINT(1) NOT NULL DEFAULT 0,
          live TINYINT(1) GENERATED ALWAYS AS (CASE WHEN discarded = 0 THEN 1 END) STORED,
          PRIMARY KEY (id),
          UNIQUE KEY uq_servers_name (name, live)
        ) ${MYSQL_TABLE_OPTIONS}`,
        ...listIndexes,
        // Usernames are compared as given (utf8mb4_bin): `Admin` and `admin` are two accounts.
        `CREATE TABLE server_credentials (
          id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          server_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          connection_type VARCHAR(32) NOT NULL,
          username VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
          key_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          password_ciphertext TEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          local_ip VARCHAR(45) NOT NULL,
          local_port INT NOT NULL,
          public_ip VARCHAR(45) NULL,
          public_port INT NULL,
          PRIMARY KEY (id),
          UNIQUE KEY uq_server_credentials_account (server_id, connection_type, username),
          CONSTRAINT fk_server_credentials_server FOREIGN KEY (server_id) REFERENCES servers (id)
        ) ${MYSQL_TABLE_OPTIONS}`,
        `CREATE TABLE server_applications (
          server_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          application_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          install_dir VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
          log_dir VARCHAR(255) COLLATE utf8mb4_bin NULL,
          PRIMARY KEY (server_id, application_id),
          KEY ix_server_applications_application (application_id, server_id),
          CONSTRAINT fk_server_applications_server FOREIGN KEY (server_id) REFERENCES servers (id)
        ) ${MYSQL_TABLE_OPTIONS}`,
      ]);
      return;
    }
    await runEach(queryRunner, [
      `CREATE TABLE servers (
        id CHAR(36) NOT NULL PRIMARY KEY,
        name VARCHAR(255) NOT NULL COLLATE NOCASE,
        cpu_cores INTEGER NULL,
        ram_mb INTEGER NULL,
        disk_gb INTEGER NULL,
        environment VARCHAR(32) NOT NULL COLLATE NOCASE,
        os_name VARCHAR(64) NOT NULL COLLATE NOCASE,
        os_version VARCHAR(64) NOT NULL COLLATE NOCASE,
        os_architecture VARCHAR(64) NOT NULL COLLATE NOCASE,
        status VARCHAR(16) NOT NULL COLLATE NOCASE,
        revision INTEGER NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        discarded BOOLEAN NOT NULL DEFAULT 0,
        live INTEGER GENERATED ALWAYS AS (CASE WHEN discarded = 0 THEN 1 END) VIRTUAL
      )`,
      'CREATE UNIQUE INDEX uq_servers_name ON servers (name, live)',
      ...listIndexes,
      `CREATE TABLE server_credentials (
        id CHAR(36) NOT NULL PRIMARY KEY,
        server_id CHAR(36) NOT NULL REFERENCES servers (id),
        connection_type VARCHAR(32) NOT NULL,
        username VARCHAR(128) NOT NULL,
        key_id VARCHAR(32) NOT NULL,
        password_ciphertext TEXT NOT NULL,
        local_ip VARCHAR(45) NOT NULL,
        local_port INTEGER NOT NULL,
        public_ip VARCHAR(45) NULL,
        public_port INTEGER NULL
      )`,
      'CREATE UNIQUE INDEX uq_server_credentials_account ON server_credentials (server_id, connection_type, username)',
      `CREATE TABLE server_applications (
        server_id CHAR(36) NOT NULL REFERENCES servers (id),
        application_id CHAR(36) NOT NULL,
        install_dir VARCHAR(255) NOT NULL,
        log_dir VARCHAR(255) NULL,
        PRIMARY KEY (server_id, application_id)
      )`,
      'CREATE INDEX ix_server_applications_application ON server_applications (application_id, server_id)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runEach(queryRunner, [
      'DROP TABLE server_applications',
      'DROP TABLE server_credentials',
      'DROP TABLE servers',
    ]);
  }
}
