/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opens, creates and migrates workspace files, refusing anything it cannot read safely. */

#define G_LOG_DOMAIN "tenure-db"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-file.h"

struct _TenureDb
{
  sqlite3    *handle;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       read_only : 1;
};

G_DEFINE_QUARK (tenure-db-error-quark, tenure_db_error)

const char * const tenure_db_tables[] = {
  "workspace", "import", "account", "subscription", "job", "event", "response", "spend",
  "ticket", "question", "option", "answer", "scenario", "step", "enrolment", "step_done",
  "initiative", NULL
};

/* Entry i upgrades a workspace from version i to version i + 1. */
static const char * const migrations[] = {
  /* 0 → 1: the tables of DESIGN.md. */
  "CREATE TABLE workspace ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE import ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  file_name TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  rows INTEGER NOT NULL,"
  "  imported_at TEXT NOT NULL"
  ");"
  "CREATE TABLE account ("
  "  id INTEGER PRIMARY KEY,"
  "  external_id TEXT NOT NULL UNIQUE,"
  "  name TEXT,"
  "  segment TEXT,"
  "  plan TEXT,"
  "  channel TEXT,"
  "  owner TEXT,"
  "  signup_date TEXT,"
  "  import_id INTEGER REFERENCES import (id)"
  ");"
  "CREATE TABLE subscription ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  external_id TEXT,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  mrr_cents INTEGER NOT NULL CHECK (mrr_cents >= 0),"
  "  plan TEXT,"
  "  import_id INTEGER REFERENCES import (id),"
  "  CHECK (end_date IS NULL OR end_date >= start_date)"
  ");"
  "CREATE TABLE job ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  description TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE event ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  at TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('session', 'action', 'feature_used', 'job_completed')),"
  "  job_id INTEGER REFERENCES job (id),"
  "  user_ref TEXT,"
  "  import_id INTEGER REFERENCES import (id)"
  ");"
  "CREATE TABLE response ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER REFERENCES account (id) ON DELETE SET NULL,"
  "  answered_on TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'nps' CHECK (kind IN ('nps', 'cli')),"
  "  score INTEGER NOT NULL,"
  "  comment TEXT,"
  "  import_id INTEGER REFERENCES import (id),"
  "  CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'cli' AND score BETWEEN 1 AND 10))"
  ");"
  "CREATE TABLE spend ("
  "  id INTEGER PRIMARY KEY,"
  "  month TEXT NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),"
  "  leads INTEGER CHECK (leads IS NULL OR leads >= 0),"
  "  import_id INTEGER REFERENCES import (id)"
  ");"
  "CREATE TABLE ticket ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  opened_at TEXT NOT NULL,"
  "  category TEXT NOT NULL CHECK (category IN ('strategic', 'basic')),"
  "  import_id INTEGER REFERENCES import (id)"
  ");"
  "CREATE TABLE question ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'single' CHECK (kind IN ('single', 'multiple')),"
  "  active INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE option ("
  "  id INTEGER PRIMARY KEY,"
  "  question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  points INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE answer ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,"
  "  option_id INTEGER NOT NULL REFERENCES option (id) ON DELETE CASCADE,"
  "  import_id INTEGER REFERENCES import (id),"
  "  PRIMARY KEY (account_id, question_id, option_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE scenario ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  job_id INTEGER REFERENCES job (id),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  active INTEGER NOT NULL DEFAULT 0,"
  "  auto_enrol_segment TEXT"
  ");"
  "CREATE TABLE step ("
  "  id INTEGER PRIMARY KEY,"
  "  scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('content', 'automation', 'tutorial', 'checkin')),"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  day_offset INTEGER NOT NULL DEFAULT 0 CHECK (day_offset >= 0),"
  "  required INTEGER NOT NULL DEFAULT 1,"
  "  done_when_event_kind TEXT,"
  "  done_when_job_id INTEGER REFERENCES job (id)"
  ");"
  "CREATE TABLE enrolment ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,"
  "  started_on TEXT NOT NULL,"
  "  PRIMARY KEY (account_id, scenario_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE step_done ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES step (id) ON DELETE CASCADE,"
  "  done_on TEXT NOT NULL,"
  "  PRIMARY KEY (account_id, step_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE initiative ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),"
  "  start_month TEXT NOT NULL,"
  "  end_month TEXT NOT NULL,"
  "  segment TEXT,"
  "  scenario_id INTEGER REFERENCES scenario (id) ON DELETE SET NULL,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");",

  /* 1 → 2: indexes for the queries of metrics, import lineage and editors; default settings. */
  "CREATE INDEX account_signup ON account (signup_date);"
  "CREATE INDEX account_import ON account (import_id);"
  "CREATE INDEX subscription_account ON subscription (account_id, start_date, end_date);"
  "CREATE INDEX subscription_dates ON subscription (start_date, end_date);"
  "CREATE INDEX subscription_import ON subscription (import_id);"
  "CREATE INDEX event_account_at ON event (account_id, at);"
  "CREATE INDEX event_at ON event (at);"
  "CREATE INDEX event_import ON event (import_id);"
  "CREATE INDEX response_kind_answered ON response (kind, answered_on);"
  "CREATE INDEX response_account ON response (account_id, answered_on);"
  "CREATE INDEX response_import ON response (import_id);"
  "CREATE INDEX spend_month ON spend (month, channel);"
  "CREATE INDEX spend_import ON spend (import_id);"
  "CREATE INDEX ticket_account ON ticket (account_id, opened_at);"
  "CREATE INDEX ticket_import ON ticket (import_id);"
  "CREATE INDEX option_question ON option (question_id, position);"
  "CREATE INDEX answer_question ON answer (question_id, option_id);"
  "CREATE INDEX answer_import ON answer (import_id);"
  "CREATE INDEX step_scenario ON step (scenario_id, position);"
  "CREATE INDEX enrolment_scenario ON enrolment (scenario_id, started_on);"
  "CREATE INDEX import_sha256 ON import (sha256);"
  "INSERT OR IGNORE INTO workspace (key, value) VALUES"
  "  ('currency', 'EUR'),"
  "  ('gross_margin_pct', '80'),"
  "  ('health_weight_usage', '30'),"
  "  ('health_weight_jobs', '30'),"
  "  ('health_weight_sentiment', '20'),"
  "  ('health_weight_support', '10'),"
  "  ('health_weight_trend', '10');",

  /* 2 → 3: the event table keeps one index. Building an index over a million events costs
   * as much as loading them; (at) served only a min/max of the whole table and
   * (import_id) only the rare removal of an import, which can afford a scan. */
  "DROP INDEX event_at;"
  "DROP INDEX event_import;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TENURE_DB_SCHEMA_VERSION);

gboolean
tenure_db_set_error (TenureDb  *db,
                     int        rc,
                     GError   **error)
{
  const char *detail = db != NULL && db->handle != NULL ? sqlite3_errmsg (db->handle)
                                                        : sqlite3_errstr (rc);

  /* What a manager can act on; SQLite's own words only for the debug log, or when the
   * cause is unknown (a report of the problem then needs them). */
  g_debug ("SQLite error %d: %s", rc, detail);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, TENURE_DB_ERROR, TENURE_DB_ERROR_FULL,
                           _("The disk is full: free some space, then try again. Nothing was "
                             "changed"));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error_literal (error, TENURE_DB_ERROR, TENURE_DB_ERROR_READ_ONLY,
                           _("The workspace cannot be written to: you may not change this "
                             "file or its folder. Copy it to a folder of yours and open the "
                             "copy. Nothing was changed"));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, TENURE_DB_ERROR, TENURE_DB_ERROR_BUSY,
                           _("The workspace is being changed by another program: wait for it "
                             "to finish, then try again"));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, TENURE_DB_ERROR, TENURE_DB_ERROR_CORRUPT,
                           _("The workspace file is damaged: restore it from a backup"));
      break;

    default:
      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_FAILED,
                   _("The workspace could not be read or written (%s)"), detail);
      break;
    }

  return FALSE;
}

/* Commits made by this process's connections, for tenure_db_get_local_commits(). */
static gint local_commits;

static int
count_commit_cb (void *user_data)
{
  g_atomic_int_inc (&local_commits);

  return 0;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the first bytes of @path through SQLite's own file layer, not stdio: closing any
 * descriptor of a file drops every POSIX lock the process holds on it, so a plain
 * fopen ()/fclose () while another connection of this process has the workspace open
 * would drop that connection's shared lock. Another program closing the workspace would
 * then believe it was the last one and delete the write-ahead log and its index under
 * our connections, which would go on writing to files nobody else reads. SQLite's unix
 * layer keeps such a descriptor open until the process's locks on the file are gone. */
static gboolean
read_header (const char *path,
             guint8     *header,
             int         length,
             int        *saved_errno)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  int out_flags = 0;
  int rc;

  *saved_errno = 0;
  errno = 0;
  rc = vfs->xOpen (vfs, path, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
  if (rc != SQLITE_OK)
    {
      *saved_errno = errno != 0 ? errno
                                : g_file_test (path, G_FILE_TEST_EXISTS) ? EACCES : ENOENT;
      if (file->pMethods != NULL)
        file->pMethods->xClose (file);
      return FALSE;
    }

  /* A short read fills the rest with zeros: no "SQLite format 3" then. */
  rc = file->pMethods->xRead (file, header, length, 0);
  file->pMethods->xClose (file);

  return rc == SQLITE_OK || rc == SQLITE_IOERR_SHORT_READ;
}

/* Looks at the 100-byte SQLite header without opening the database, so that a file we
 * refuse is never touched by SQLite (no journal, no WAL, no checkpoint). */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[100] = { 0 };
  int saved_errno = 0;

  if (!read_header (path, header, sizeof header, &saved_errno))
    {
      if (saved_errno == 0)
        return tenure_db_set_error (NULL, SQLITE_IOERR, error);

      g_set_error (error, TENURE_DB_ERROR,
                   saved_errno == ENOENT ? TENURE_DB_ERROR_NOT_FOUND : TENURE_DB_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_SQLITE,
                   _("“%s” is not a Tenure workspace (it is not a database file)"), display);
      return FALSE;
    }

  if (read_be32 (header + 68) != TENURE_DB_APPLICATION_ID)
    {
      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_WORKSPACE,
                   _("“%s” is a database, but not a Tenure workspace"), display);
      return FALSE;
    }

  if (read_be32 (header + 60) > TENURE_DB_SCHEMA_VERSION)
    {
      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Tenure (workspace version %u, this "
                     "version reads up to %d): update Tenure to open it"),
                   display, read_be32 (header + 60), TENURE_DB_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (TenureDb  *db,
         int        from,
         GError   **error)
{
  for (int version = from; version < TENURE_DB_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!tenure_db_begin (db, error))
        return FALSE;
      if (!tenure_db_exec (db, migrations[version], error) ||
          !tenure_db_exec (db, bump, error) ||
          !tenure_db_commit (db, error))
        {
          tenure_db_rollback (db);
          return FALSE;
        }
    }

  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static TenureDb *
db_new (const char *path)
{
  TenureDb *db = g_new0 (TenureDb, 1);

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  return db;
}

/* Creates the workspace under a temporary name and renames it, so a crash while creating
 * never leaves a half-made workspace behind. */
static gboolean
create_workspace (const char  *path,
                  GError     **error)
{
  g_autofree char *tmp_path = tenure_file_create_temporary (path, error);
  g_autofree char *pragma = NULL;
  TenureDb *db;
  gboolean ok;
  int rc;

  if (tmp_path == NULL)
    return FALSE;

  db = db_new (tmp_path);
  rc = sqlite3_open_v2 (tmp_path, &db->handle, SQLITE_OPEN_READWRITE, NULL);
  pragma = g_strdup_printf ("PRAGMA application_id = %d", TENURE_DB_APPLICATION_ID);
  ok = rc == SQLITE_OK || tenure_db_set_error (db, rc, error);
  ok = ok && tenure_db_exec (db, "PRAGMA foreign_keys = ON", error);
  ok = ok && tenure_db_exec (db, pragma, error);
  ok = ok && migrate (db, 0, error);
  tenure_db_close (db);

  if (!ok)
    {
      tenure_file_discard_temporary (tmp_path);
      return FALSE;
    }

  tenure_file_remove_orphan_logs (path);
  return tenure_file_commit_new_temporary (tmp_path, path, error);
}

/* Runs @sql and sets @value from the first column of its first row, unless there is no
 * row or the value is NULL. Returns the SQLite result code. */
static int
query_int (TenureDb   *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        *value = sqlite3_column_int64 (stmt, 0);
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return rc;
}

/* Why SQLite could not read the workspace it opened: another program holds its lock, or the
 * file (or the folder where SQLite keeps its -wal and -shm files) cannot be read. */
static void
set_open_error (TenureDb  *db,
                int        rc,
                GError   **error)
{
  g_autofree char *display = g_filename_display_name (db->path);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_BUSY,
                   _("The workspace “%s” is locked by another program: close it there, or "
                     "wait for it to finish, and try again"), display);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      tenure_db_set_error (db, rc, error);
      break;

    case SQLITE_READONLY:
      /* SQLITE_READONLY_DIRECTORY, _CANTINIT: SQLite must create the -shm file beside a
       * workspace in write-ahead-log mode even to read it. */
      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_READ_ONLY,
                   _("The workspace “%s” is in a folder you may not write to, and Tenure "
                     "needs to write beside it even to read it: copy it to a folder of "
                     "yours and open the copy"), display);
      break;

    default:
      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_FAILED,
                   _("The workspace “%s” cannot be read: check that the file and its folder "
                     "may be read (%s)"), display, sqlite3_errstr (rc));
      break;
    }
}

static gboolean
writable_with_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/**
 * tenure_db_open:
 * @path: the workspace file
 * @flags: whether to create it, or open it read-only
 * @error: return location for a #TENURE_DB_ERROR
 *
 * Opens a workspace. A file that is not SQLite, a database that is not a Tenure
 * workspace and a workspace from a newer version are refused and left untouched.
 * An older workspace is migrated, even when opened read-only, unless
 * %TENURE_DB_OPEN_NO_UPGRADE asks to read it as it is.
 */
TenureDb *
tenure_db_open (const char         *path,
                TenureDbOpenFlags   flags,
                GError            **error)
{
  g_autoptr(TenureDb) db = NULL;
  gboolean read_only = (flags & TENURE_DB_OPEN_READ_ONLY) != 0;
  int open_flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  gboolean query_only = FALSE;
  gint64 application_id;
  gint64 version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & TENURE_DB_OPEN_CREATE) || read_only)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_FOUND,
                       _("“%s” does not exist"), display);
          return NULL;
        }
      if (!create_workspace (path, error))
        return NULL;
    }

  if (!check_header (path, error))
    return NULL;

  db = db_new (path);
  db->read_only = read_only;
  /* A read-only connection cannot remove the -wal and -shm files when it closes, and
   * would leave them beside the workspace after every report. When the file and its
   * folder may be written, read through a read-write handle with query_only instead:
   * writes are refused all the same, and SQLite tidies up on close. */
  if (read_only && writable_with_folder (path))
    {
      open_flags = SQLITE_OPEN_READWRITE;
      query_only = TRUE;
    }
  rc = sqlite3_open_v2 (path, &db->handle, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (db->handle, TENURE_DB_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_commit_hook (db->handle, count_commit_cb, NULL);

  /* The header may be stale while a WAL file holds newer pages: ask SQLite too, still
   * before anything is written. A file locked by another program, or unreadable, says so
   * rather than passing for something that is not a workspace. */
  application_id = version = 0;
  rc = query_int (db, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    {
      set_open_error (db, rc, error);
      return NULL;
    }
  if (application_id != TENURE_DB_APPLICATION_ID || version < 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_WORKSPACE,
                   _("“%s” is a database, but not a Tenure workspace"), display);
      return NULL;
    }
  if (version > TENURE_DB_SCHEMA_VERSION)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Tenure (workspace version %d, this "
                     "version reads up to %d): update Tenure to open it"),
                   display, (int) version, TENURE_DB_SCHEMA_VERSION);
      return NULL;
    }

  if (query_only && !tenure_db_exec (db, "PRAGMA query_only = ON", error))
    return NULL;
  if (!tenure_db_exec (db, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!read_only)
    {
      if (!tenure_db_exec (db, "PRAGMA journal_mode = WAL", error) ||
          !tenure_db_exec (db, "PRAGMA synchronous = NORMAL", error) ||
          !migrate (db, (int) version, error))
        return NULL;
    }
  else if (version < TENURE_DB_SCHEMA_VERSION && !(flags & TENURE_DB_OPEN_NO_UPGRADE))
    {
      g_autoptr(TenureDb) upgraded = NULL;
      g_autoptr(GError) local_error = NULL;

      /* Reading an older workspace upgrades it first, as opening it in Tenure would;
       * only a file we may not write stays out of reach. */
      g_clear_pointer (&db, tenure_db_close);
      upgraded = tenure_db_open (path, TENURE_DB_OPEN_DEFAULT, &local_error);
      if (upgraded == NULL)
        {
          g_autofree char *display = g_filename_display_name (path);

          if (!g_error_matches (local_error, TENURE_DB_ERROR, TENURE_DB_ERROR_READ_ONLY))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_READ_ONLY,
                       _("“%s” comes from an older version of Tenure and must be upgraded "
                         "before it can be read, but it cannot be written: copy it to a "
                         "folder of yours and open the copy"), display);
          return NULL;
        }
      g_clear_pointer (&upgraded, tenure_db_close);

      return tenure_db_open (path, flags | TENURE_DB_OPEN_NO_UPGRADE, error);
    }

  return g_steal_pointer (&db);
}

void
tenure_db_close (TenureDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close_v2 (db->handle);
  g_free (db->path);
  g_free (db);
}

/**
 * tenure_db_get_local_commits:
 *
 * Returns: how many write transactions the connections of this process have committed
 *   (it wraps around): a window that sees the workspace change tells its own edits from
 *   another program's by whether this moved too.
 */
guint
tenure_db_get_local_commits (void)
{
  return (guint) g_atomic_int_get (&local_commits);
}

/**
 * tenure_db_get_data_version:
 * @version: (out): a number that changes whenever another connection (of this process
 *   or another) commits a change to the workspace
 *
 * Returns: %FALSE with @error set when the workspace cannot be read
 */
gboolean
tenure_db_get_data_version (TenureDb  *db,
                            gint64    *version,
                            GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  return tenure_db_query_int_checked (db, "PRAGMA data_version", version, error);
}

/**
 * tenure_db_has_moved:
 *
 * Returns: %TRUE when the workspace file was renamed, moved or deleted since @db opened
 *   it: writes are then refused (tenure_db_begin ()).
 */
gboolean
tenure_db_has_moved (TenureDb *db)
{
  int moved = 0;

  g_return_val_if_fail (db != NULL, FALSE);

  return sqlite3_file_control (db->handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved) ==
         SQLITE_OK && moved;
}

sqlite3 *
tenure_db_get_handle (TenureDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->handle;
}

const char *
tenure_db_get_path (TenureDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->path;
}

/**
 * tenure_db_set_busy_timeout:
 * @milliseconds: how long a statement waits for another connection's lock before it fails
 *   with %TENURE_DB_ERROR_BUSY; 0 fails at once
 *
 * A connection waits %TENURE_DB_BUSY_TIMEOUT_MS (five seconds) when it opens: right for the
 * command line and for worker threads. An editor on the GUI's main thread must not freeze
 * the window that long, and takes a much shorter wait.
 */
void
tenure_db_set_busy_timeout (TenureDb *db,
                            int       milliseconds)
{
  g_return_if_fail (db != NULL);
  g_return_if_fail (milliseconds >= 0);

  sqlite3_busy_timeout (db->handle, milliseconds);
}

gboolean
tenure_db_is_read_only (TenureDb *db)
{
  g_return_val_if_fail (db != NULL, TRUE);

  return db->read_only;
}

int
tenure_db_get_schema_version (TenureDb *db)
{
  return (int) tenure_db_query_int (db, "PRAGMA user_version", -1);
}

gboolean
tenure_db_exec (TenureDb    *db,
                const char  *sql,
                GError     **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

/**
 * tenure_db_prepare:
 *
 * Returns a statement for @sql, prepared once per connection and reset for reuse. The
 * statement belongs to @db: do not finalize it.
 */
sqlite3_stmt *
tenure_db_prepare (TenureDb    *db,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows, and resets it. */
gboolean
tenure_db_step_done (TenureDb      *db,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_ROW)
        rc = SQLITE_MISUSE;
      tenure_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * tenure_db_query_int_checked:
 * @value: (out): the first column of the first row of @sql; 0 when there is no row or
 *   the value is NULL
 *
 * Returns: %FALSE with @error set when @sql could not be prepared or run (the workspace
 *   is busy, locked, damaged or unreadable), rather than a made-up value
 */
gboolean
tenure_db_query_int_checked (TenureDb    *db,
                             const char  *sql,
                             gint64      *value,
                             GError     **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = 0;
  rc = query_int (db, sql, value);
  if (rc != SQLITE_OK)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

/* The first column of the first row of @sql, or @fallback when there is none, it is NULL
 * or the query fails: for counts where a fallback is right. Where a failure matters, use
 * tenure_db_query_int_checked(). */
gint64
tenure_db_query_int (TenureDb   *db,
                     const char *sql,
                     gint64      fallback)
{
  gint64 value = fallback;

  g_return_val_if_fail (db != NULL, fallback);

  return query_int (db, sql, &value) == SQLITE_OK ? value : fallback;
}

gboolean
tenure_db_begin (TenureDb  *db,
                 GError   **error)
{
  int moved = 0;

  /* A workspace renamed or deleted while open would take the changes into a write-ahead
   * log that its new name never reads: they would be lost without a word. */
  if (sqlite3_file_control (db->handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
      moved)
    {
      g_autofree char *display = g_filename_display_basename (db->path);

      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_FAILED,
                   _("The workspace “%s” was moved, renamed or deleted while it was open: "
                     "open it again from its new place; nothing was written"), display);
      return FALSE;
    }

  return tenure_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
tenure_db_commit (TenureDb  *db,
                  GError   **error)
{
  if (tenure_db_exec (db, "COMMIT", error))
    return TRUE;

  /* A failed COMMIT (busy, I/O error, disk full) leaves the transaction open: roll it back
   * so the connection's next write does not find itself inside a dead transaction. */
  tenure_db_rollback (db);
  return FALSE;
}

void
tenure_db_rollback (TenureDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

char *
tenure_db_get_setting (TenureDb   *db,
                       const char *key,
                       const char *fallback)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  stmt = tenure_db_prepare (db, "SELECT value FROM workspace WHERE key = ?", NULL);
  if (stmt == NULL)
    return g_strdup (fallback);

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value != NULL ? value : g_strdup (fallback);
}

double
tenure_db_get_setting_double (TenureDb   *db,
                              const char *key,
                              double      fallback)
{
  g_autofree char *text = tenure_db_get_setting (db, key, NULL);
  char *end = NULL;
  double value;

  if (text == NULL)
    return fallback;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return fallback;

  return value;
}

gboolean
tenure_db_set_setting (TenureDb    *db,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = tenure_db_prepare (db,
                            "INSERT INTO workspace (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return tenure_db_step_done (db, stmt, error);
}

/* The company name setting, or the file name without its extension. */
char *
tenure_db_get_company_name (TenureDb *db)
{
  g_autofree char *name = tenure_db_get_setting (db, "company_name", NULL);
  g_autofree char *base = NULL;
  char *dot;

  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  base = g_path_get_basename (db->path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/* The smallest and largest dates of a query returning two ISO texts, as months. */
static gboolean
query_month_range (TenureDb   *db,
                   const char *sql,
                   int        *first_month,
                   int        *last_month,
                   GError    **error)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, sql, error);
  char day[TENURE_DATE_BUF];
  gboolean found = FALSE;
  gint32 first_day, last_day;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
      sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_strlcpy (day, (const char *) sqlite3_column_text (stmt, 0), sizeof day);
      found = tenure_date_parse (day, &first_day);
      g_strlcpy (day, (const char *) sqlite3_column_text (stmt, 1), sizeof day);
      found = found && tenure_date_parse (day, &last_day);
      if (found)
        {
          *first_month = tenure_month_of_day (first_day);
          *last_month = tenure_month_of_day (last_day);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tenure_db_set_error (db, rc, error);

  if (!found)
    *first_month = *last_month = -1;
  return TRUE;
}

/**
 * tenure_db_get_data_range:
 * @first_month: (out): the first month with data, or -1
 * @last_month: (out): the last month with data, or -1
 *
 * The months of the workspace's data: subscriptions, signups, product events, survey
 * answers and spend. Dates are ISO text, so the smallest string is the earliest day, and
 * every min () and max () is read from an index: the events' through their (account_id,
 * at) index, one seek per account, rather than a scan of millions of rows.
 */
gboolean
tenure_db_get_data_range (TenureDb  *db,
                          int       *first_month,
                          int       *last_month,
                          GError   **error)
{
  static const char *sql =
    "SELECT min (d), max (d) FROM ("
    "  SELECT min (start_date) AS d FROM subscription"
    "  UNION ALL SELECT max (start_date) FROM subscription"
    "  UNION ALL SELECT max (end_date) FROM subscription"
    "  UNION ALL SELECT min (signup_date) FROM account"
    "  UNION ALL SELECT max (signup_date) FROM account"
    "  UNION ALL SELECT substr (min (first_at), 1, 10) FROM ("
    "    SELECT (SELECT min (at) FROM event WHERE account_id = account.id) AS first_at"
    "    FROM account)"
    "  UNION ALL SELECT substr (max (last_at), 1, 10) FROM ("
    "    SELECT (SELECT max (at) FROM event WHERE account_id = account.id) AS last_at"
    "    FROM account)"
    "  UNION ALL SELECT min (answered_on) FROM response"
    "  UNION ALL SELECT max (answered_on) FROM response"
    "  UNION ALL SELECT min (month) || '-01' FROM spend"
    "  UNION ALL SELECT max (month) || '-01' FROM spend"
    ")";

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (first_month != NULL && last_month != NULL, FALSE);

  return query_month_range (db, sql, first_month, last_month, error);
}

/* "ok", or the problems PRAGMA integrity_check found, one per line. */
char *
tenure_db_integrity_check (TenureDb  *db,
                           GError   **error)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (result->len > 0)
        g_string_append_c (result, '\n');
      g_string_append (result, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* Whether PRAGMA quick_check finds @copy sound; FALSE with *@rc set when it cannot run. */
static gboolean
copy_is_sound (sqlite3 *copy,
               int     *rc)
{
  sqlite3_stmt *stmt = NULL;
  gboolean sound = FALSE;

  *rc = sqlite3_prepare_v2 (copy, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return TRUE;

  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    {
      sound = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      *rc = SQLITE_OK;
    }
  else if ((*rc & 0xff) == SQLITE_CORRUPT)
    *rc = SQLITE_OK;   /* too damaged to check: not sound */
  else
    sound = TRUE;      /* another failure: *rc says which */
  sqlite3_finalize (stmt);

  return sound;
}

/* A consistent copy of the workspace through SQLite's backup API, written under a
 * temporary name in the destination folder and renamed when complete. */
gboolean
tenure_db_backup (TenureDb    *db,
                  const char  *destination,
                  GError     **error)
{
  g_autofree char *tmp_path = tenure_file_create_temporary (destination, error);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  if (tmp_path == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (tmp_path, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", db->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (copy);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          rc = rc == SQLITE_DONE ? sqlite3_backup_finish (backup)
                                 : (sqlite3_backup_finish (backup), rc);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  /* A damaged workspace copies page by page into a damaged backup: refuse it, so that a
   * rotation of backups never replaces a good one with it. */
  if (rc == SQLITE_OK && !copy_is_sound (copy, &rc))
    {
      g_set_error_literal (error, TENURE_DB_ERROR, TENURE_DB_ERROR_CORRUPT,
                           _("The workspace file is damaged, so a copy of it would be too: "
                             "no backup was written. Restore the workspace from an earlier "
                             "backup"));
      sqlite3_close_v2 (copy);
      tenure_file_discard_temporary (tmp_path);
      return FALSE;
    }
  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error_literal (error, TENURE_DB_ERROR, TENURE_DB_ERROR_FULL,
                         _("The backup could not be written: the disk is full. Free some "
                           "space or choose another disk; the workspace is unchanged"));
  else if (rc != SQLITE_OK)
    g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_FAILED,
                 _("The backup could not be written: %s"),
                 copy != NULL ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
  sqlite3_close_v2 (copy);

  if (rc != SQLITE_OK)
    {
      tenure_file_discard_temporary (tmp_path);
      return FALSE;
    }

  return tenure_file_commit_temporary (tmp_path, destination, error);
}
