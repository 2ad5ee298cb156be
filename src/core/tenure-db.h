/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A workspace: one SQLite file, opened safely, migrated, with cached statements. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "TENU" as a big-endian integer, stored in PRAGMA application_id. */
#define TENURE_DB_APPLICATION_ID 0x54454e55
#define TENURE_DB_SCHEMA_VERSION 3

/* How long a new connection waits for another's lock before it says the workspace is busy. */
#define TENURE_DB_BUSY_TIMEOUT_MS 5000

#define TENURE_DB_ERROR (tenure_db_error_quark ())

typedef enum
{
  TENURE_DB_ERROR_NOT_FOUND,
  TENURE_DB_ERROR_NOT_SQLITE,
  TENURE_DB_ERROR_NOT_WORKSPACE,
  TENURE_DB_ERROR_TOO_NEW,
  TENURE_DB_ERROR_READ_ONLY,
  TENURE_DB_ERROR_BUSY,
  TENURE_DB_ERROR_FULL,
  TENURE_DB_ERROR_CORRUPT,
  TENURE_DB_ERROR_FAILED,
} TenureDbError;

typedef enum
{
  TENURE_DB_OPEN_DEFAULT   = 0,
  TENURE_DB_OPEN_CREATE    = 1 << 0,  /* create the file when it does not exist */
  TENURE_DB_OPEN_READ_ONLY = 1 << 1,
  TENURE_DB_OPEN_NO_UPGRADE = 1 << 2, /* with READ_ONLY: an older workspace as it is */
} TenureDbOpenFlags;

typedef struct _TenureDb TenureDb;

GQuark        tenure_db_error_quark       (void);

TenureDb     *tenure_db_open              (const char         *path,
                                           TenureDbOpenFlags   flags,
                                           GError            **error);
void          tenure_db_close             (TenureDb           *db);

sqlite3      *tenure_db_get_handle        (TenureDb           *db);
guint         tenure_db_get_local_commits (void);
gboolean      tenure_db_get_data_version  (TenureDb           *db,
                                           gint64             *version,
                                           GError            **error);
gboolean      tenure_db_has_moved         (TenureDb           *db);
const char   *tenure_db_get_path          (TenureDb           *db);
int           tenure_db_get_schema_version (TenureDb          *db);
gboolean      tenure_db_is_read_only      (TenureDb           *db);
void          tenure_db_set_busy_timeout  (TenureDb           *db,
                                           int                 milliseconds);

gboolean      tenure_db_exec              (TenureDb           *db,
                                           const char         *sql,
                                           GError            **error);
sqlite3_stmt *tenure_db_prepare           (TenureDb           *db,
                                           const char         *sql,
                                           GError            **error);
gboolean      tenure_db_step_done         (TenureDb           *db,
                                           sqlite3_stmt       *stmt,
                                           GError            **error);
gint64        tenure_db_query_int         (TenureDb           *db,
                                           const char         *sql,
                                           gint64              fallback);
gboolean      tenure_db_query_int_checked (TenureDb           *db,
                                           const char         *sql,
                                           gint64             *value,
                                           GError            **error);

gboolean      tenure_db_begin             (TenureDb           *db,
                                           GError            **error);
gboolean      tenure_db_commit            (TenureDb           *db,
                                           GError            **error);
void          tenure_db_rollback          (TenureDb           *db);

gboolean      tenure_db_set_error         (TenureDb           *db,
                                           int                 rc,
                                           GError            **error);

char         *tenure_db_get_setting       (TenureDb           *db,
                                           const char         *key,
                                           const char         *fallback);
double        tenure_db_get_setting_double (TenureDb          *db,
                                           const char         *key,
                                           double              fallback);
gboolean      tenure_db_set_setting       (TenureDb           *db,
                                           const char         *key,
                                           const char         *value,
                                           GError            **error);

char         *tenure_db_get_company_name  (TenureDb           *db);
gboolean      tenure_db_get_data_range    (TenureDb           *db,
                                           int                *first_month,
                                           int                *last_month,
                                           GError            **error);

typedef struct
{
  const char *table;
  gint64      rows;
} TenureDbTableCount;

/* The tables of the schema, in dependency order, NULL-terminated. */
extern const char * const tenure_db_tables[];

char         *tenure_db_integrity_check   (TenureDb           *db,
                                           GError            **error);
gboolean      tenure_db_backup            (TenureDb           *db,
                                           const char         *destination,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureDb, tenure_db_close)

G_END_DECLS
