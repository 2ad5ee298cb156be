/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Generates the demo company, Sentinelle Cyber, from a seed: every table, every value. */

#define G_LOG_DOMAIN "tenure-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "tenure-date.h"
#include "tenure-demo-private.h"
#include "tenure-file.h"

#define ACCOUNTS_PER_BATCH 250

G_DEFINE_QUARK (tenure-demo-error-quark, tenure_demo_error)

gboolean
tenure_demo_finish_insert (Demo          *demo,
                           sqlite3_stmt  *stmt,
                           int            rc,
                           GError       **error)
{
  if (rc != SQLITE_OK)
    {
      sqlite3_reset (stmt);
      return tenure_db_set_error (demo->db, rc, error);
    }
  if (!tenure_db_step_done (demo->db, stmt, error))
    return FALSE;

  demo->rows++;
  return TRUE;
}

int
tenure_demo_bind_text_or_null (sqlite3_stmt *stmt,
                               int           column,
                               const char   *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, column);

  return sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

/* Marketing spend and leads per month and channel, from the signups they brought. */
static gboolean
insert_spend (Demo    *demo,
              GError **error)
{
  Rng rng;
  sqlite3_stmt *stmt;

  rng_init (&rng, demo->seed, G_GUINT64_CONSTANT (0x5be9d));
  stmt = tenure_db_prepare (demo->db,
                            "INSERT INTO spend (month, channel, amount_cents, leads, import_id) "
                            "VALUES (?, ?, ?, ?, 1)", error);
  if (stmt == NULL)
    return FALSE;

  for (int month = demo->first_month; month <= demo->last_month; month++)
    for (guint c = 0; c < N_CHANNELS; c++)
      {
        guint signups = demo->signups[(month - demo->first_month) * N_CHANNELS + c];
        const DemoChannel *channel = &demo_channels[c];
        double cost = (double) signups * channel->cac_cents * (0.8 + 0.4 * rng_double (&rng)) +
                      (double) channel->fixed_cents * demo->scale *
                      (0.9 + 0.2 * rng_double (&rng));
        gint64 leads = (gint64) floor (signups / demo_channels[c].conversion *
                                       (0.85 + 0.3 * rng_double (&rng)) + 0.5) +
                       rng_below (&rng, 3);
        char text[TENURE_MONTH_BUF];
        int rc;

        tenure_month_format (month, text);
        rc = sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
        rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, demo_channels[c].name, -1,
                                                       SQLITE_STATIC);
        rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 3, round_euros (cost));
        rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 4, leads);
        if (!tenure_demo_finish_insert (demo, stmt, rc, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
insert_initiatives (Demo    *demo,
                    GError **error)
{
  struct {
    const char *name;
    double      cost_cents;
    int         first;
    int         last;
    const char *segment;
    const char *notes;
  } initiatives[] = {
    { "Quarterly business reviews for Mid-market", 1200000.0, demo->reviews_first,
      demo->reviews_last, "Mid-market",
      "Every Mid-market customer gets a quarterly review of its risks and usage with its "
      "customer success manager." },
    { "Win-back discount for SMB accounts", 900000.0, demo->discount_first,
      demo->discount_last, "SMB",
      "20 % off for three months, offered to SMB accounts whose usage dropped." },
  };
  sqlite3_stmt *stmt;

  stmt = tenure_db_prepare (demo->db,
                            "INSERT INTO initiative (id, name, cost_cents, start_month, end_month, "
                            "segment, notes) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (initiatives); i++)
    {
      char first[TENURE_MONTH_BUF];
      char last[TENURE_MONTH_BUF];
      int rc;

      tenure_month_format (initiatives[i].first, first);
      tenure_month_format (initiatives[i].last, last);
      rc = sqlite3_bind_int64 (stmt, 1, i + 1);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 2, initiatives[i].name, -1,
                                                     SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_int64 (stmt, 3,
                                                      round_euros (initiatives[i].cost_cents *
                                                                   demo->scale));
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 4, first, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 5, last, -1, SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 6, initiatives[i].segment, -1,
                                                     SQLITE_STATIC);
      rc = rc != SQLITE_OK ? rc : sqlite3_bind_text (stmt, 7, initiatives[i].notes, -1,
                                                     SQLITE_STATIC);
      if (!tenure_demo_finish_insert (demo, stmt, rc, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_days (const void *a,
              const void *b)
{
  gint32 x = *(const gint32 *) a;
  gint32 y = *(const gint32 *) b;

  return (x > y) - (x < y);
}

/* Signup days of every account, in order: more signups in recent months. */
static gint32 *
draw_signups (const Demo *demo)
{
  guint months = (guint) (demo->last_month - demo->first_month + 1);
  g_autofree double *cumulative = g_new0 (double, months + 1);
  gint32 *days = g_new (gint32, demo->accounts);
  Rng rng;
  guint next = 0;

  rng_init (&rng, demo->seed, 0);
  for (guint m = 0; m < months; m++)
    {
      double weight = (1.0 + 1.0 * m / MAX (months - 1, 1)) * (0.85 + 0.3 * rng_double (&rng));

      cumulative[m + 1] = cumulative[m] + weight;
    }

  for (guint m = 0; m < months; m++)
    {
      int month = demo->first_month + (int) m;
      guint upto = (guint) floor (demo->accounts * cumulative[m + 1] / cumulative[months] + 0.5);
      guint length = (guint) (tenure_month_first_day (month + 1) - tenure_month_first_day (month));
      guint from = next;

      if (m + 1 == months)
        upto = demo->accounts;
      for (; next < upto; next++)
        days[next] = tenure_month_first_day (month) + (gint32) rng_below (&rng, length);
      qsort (days + from, next - from, sizeof (gint32), compare_days);
    }

  return days;
}

void
tenure_demo_options_init (TenureDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->accounts = 600;
  options->months = 36;
  options->end_month = 0;
  options->seed = 1;
}

static gboolean
check_options (const TenureDemoOptions  *options,
               GError                  **error)
{
  if (options->accounts < 1 || options->accounts > TENURE_DEMO_MAX_ACCOUNTS)
    {
      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_INVALID,
                   _("The demo company needs between 1 and %d accounts"),
                   TENURE_DEMO_MAX_ACCOUNTS);
      return FALSE;
    }
  if (options->months < TENURE_DEMO_MIN_MONTHS || options->months > TENURE_DEMO_MAX_MONTHS)
    {
      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_INVALID,
                   _("The demo company needs between %d and %d months of history"),
                   TENURE_DEMO_MIN_MONTHS, TENURE_DEMO_MAX_MONTHS);
      return FALSE;
    }
  if (options->end_month < 0 ||
      (options->end_month > 0 &&
       options->end_month < TENURE_MONTH (1970, 1) + (int) options->months))
    {
      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_INVALID,
                   _("The last month of the demo company must be after 1970"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_statements (Demo    *demo,
                    GError **error)
{
  struct {
    sqlite3_stmt **stmt;
    const char    *sql;
  } statements[] = {
    { &demo->insert_account,
      "INSERT INTO account (id, external_id, name, segment, plan, channel, owner, signup_date, "
      "import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)" },
    { &demo->insert_subscription,
      "INSERT INTO subscription (account_id, external_id, start_date, end_date, mrr_cents, plan, "
      "import_id) VALUES (?, ?, ?, ?, ?, ?, 1)" },
    { &demo->insert_event,
      "INSERT INTO event (account_id, at, kind, job_id, user_ref, import_id) "
      "VALUES (?, ?, ?, ?, ?, 1)" },
    { &demo->insert_response,
      "INSERT INTO response (account_id, answered_on, kind, score, comment, import_id) "
      "VALUES (?, ?, ?, ?, ?, 1)" },
    { &demo->insert_ticket,
      "INSERT INTO ticket (account_id, opened_at, category, import_id) VALUES (?, ?, ?, 1)" },
    { &demo->insert_answer,
      "INSERT INTO answer (account_id, question_id, option_id, import_id) VALUES (?, ?, ?, 1)" },
    { &demo->insert_enrolment,
      "INSERT INTO enrolment (account_id, scenario_id, started_on) VALUES (?, ?, ?)" },
    { &demo->insert_step_done,
      "INSERT INTO step_done (account_id, step_id, done_on) VALUES (?, ?, ?)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      *statements[i].stmt = tenure_db_prepare (demo->db, statements[i].sql, error);
      if (*statements[i].stmt == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
run_in_transaction (Demo      *demo,
                    gboolean (*func) (Demo *, GError **),
                    GError   **error)
{
  if (!tenure_db_begin (demo->db, error))
    return FALSE;
  if (!func (demo, error) || !tenure_db_commit (demo->db, error))
    {
      tenure_db_rollback (demo->db);
      return FALSE;
    }

  return TRUE;
}

static gboolean
finish_lineage (Demo    *demo,
                GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!insert_spend (demo, error) || !insert_initiatives (demo, error))
    return FALSE;

  stmt = tenure_db_prepare (demo->db, "UPDATE import SET rows = ? WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_bind_int64 (stmt, 1, demo->rows);

  return tenure_demo_finish_insert (demo, stmt, rc, error);
}

/**
 * tenure_demo_generate:
 * @db: an empty workspace
 * @options: the size, period and seed of the company
 * @progress: (nullable): told how far the generation has got
 * @user_data: for @progress
 * @cancellable: (nullable): stops the generation between two batches of accounts
 * @error: return location for a #TENURE_DEMO_ERROR, #TENURE_DB_ERROR or #G_IO_ERROR
 *
 * Fills @db with the demo company. The accounts are written in batches, one
 * transaction each, so that large companies fit in memory: after a failure or a cancel
 * the workspace holds part of the company, and should be thrown away
 * (tenure_demo_create_file() does).
 */
gboolean
tenure_demo_generate (TenureDb                 *db,
                      const TenureDemoOptions  *options,
                      TenureProgressFunc        progress,
                      gpointer                  user_data,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  Demo demo = { 0 };
  g_autofree gint32 *signup_days = NULL;
  g_autofree guint *signups = NULL;
  int months;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;
  if (tenure_db_query_int (db,
                           "SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM job) + "
                           "(SELECT count(*) FROM question) + (SELECT count(*) FROM scenario) + "
                           "(SELECT count(*) FROM import)", -1) != 0)
    {
      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_NOT_EMPTY,
                   _("The demo company can only be created in an empty workspace"));
      return FALSE;
    }

  months = (int) options->months;
  demo.db = db;
  demo.seed = options->seed;
  demo.accounts = options->accounts;
  if (options->end_month > 0)
    demo.last_month = options->end_month;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      demo.last_month = tenure_month_last_full (now);
    }
  demo.first_month = demo.last_month - months + 1;
  demo.first_day = tenure_month_first_day (demo.first_month);
  demo.end_day = tenure_month_first_day (demo.last_month + 1);
  demo.scale = options->accounts / 600.0;
  demo.second_scenario_month = demo.first_month + months / 3;
  demo.reviews_first = MAX (demo.first_month + months / 4, demo.last_month - 15);
  demo.reviews_last = MAX (demo.reviews_first, demo.last_month - 7);
  demo.discount_first = MAX (demo.first_month + months / 3, demo.last_month - 11);
  demo.discount_last = MAX (demo.discount_first, demo.last_month - 5);
  signups = g_new0 (guint, (gsize) months * N_CHANNELS);
  demo.signups = signups;
  signup_days = draw_signups (&demo);

  if (progress != NULL)
    progress (0.0, user_data);

  if (!prepare_statements (&demo, error) ||
      !run_in_transaction (&demo, tenure_demo_insert_catalogue, error))
    return FALSE;

  for (guint first = 0; first < demo.accounts; first += ACCOUNTS_PER_BATCH)
    {
      guint last = MIN (first + ACCOUNTS_PER_BATCH, demo.accounts);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !tenure_db_begin (db, error))
        return FALSE;
      for (guint i = first; i < last; i++)
        if (!tenure_demo_generate_account (&demo, i, signup_days[i], error))
          {
            tenure_db_rollback (db);
            return FALSE;
          }
      if (!tenure_db_commit (db, error))
        {
          tenure_db_rollback (db);
          return FALSE;
        }
      if (progress != NULL)
        progress (0.98 * last / demo.accounts, user_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !run_in_transaction (&demo, finish_lineage, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}

/* Whether another process has @path open through SQLite. In WAL mode (every workspace)
 * each connection holds a shared fcntl() lock on the -shm file's "dead man switch" byte
 * (128) from its first read until it closes, and keeps a shared lock on the database's
 * SHARED range as long as it is open, even idle between transactions: a Tenure window
 * showing the workspace, or a tenure-cli run, is seen whether it reads at this moment or
 * not. F_GETLK does not report our own process's locks, and closing the descriptor
 * drops them: this is only called before this process opens @path. */
static gboolean
workspace_in_use (const char *path)
{
  static const struct { const char *suffix; off_t start; off_t length; } ranges[] = {
    { "-shm", 128, 1 },
    /* SQLite's PENDING_BYTE + 2, SHARED_SIZE */
    { "", 0x40000000 + 2, 510 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *file = g_strconcat (path, ranges[i].suffix, NULL);
      struct flock lock = {
        .l_type = F_WRLCK,
        .l_whence = SEEK_SET,
        .l_start = ranges[i].start,
        .l_len = ranges[i].length,
      };
      int fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);
      gboolean held;

      if (fd < 0)
        continue;
      held = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
      close (fd);
      if (held)
        return TRUE;
    }

  return FALSE;
}

static gboolean
set_in_use_error (const char  *path,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_FAILED,
               _("“%s” is open in Tenure or another program: close it, then try again"),
               display);
  return FALSE;
}

/* Checkpoints and truncates the write-ahead log of the file about to be replaced. When
 * another program is writing to it, the checkpoint is busy: refuse rather than pull the
 * file from under it. */
static gboolean
retire_write_ahead_log (const char  *path,
                        GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *handle = NULL;
  int rc;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    return TRUE;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_wal_checkpoint_v2 (handle, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  sqlite3_close_v2 (handle);

  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return set_in_use_error (path, error);

  /* Any other failure means the file was no workspace of ours (SQLITE_NOTADB, say): it
   * has no log worth keeping. */
  return TRUE;
}

/**
 * tenure_demo_create_file:
 * @path: the workspace to create
 * @options: the size, period and seed of the company
 * @replace: whether an existing @path may be replaced
 * @progress: (nullable): told how far the generation has got
 * @user_data: for @progress
 * @cancellable: (nullable): stops the generation
 * @error: return location for an error
 *
 * Writes the demo company to a hidden temporary file next to @path and renames it to
 * @path when it is complete. On failure or cancel the temporary file is removed and
 * @path is left as it was.
 */
gboolean
tenure_demo_create_file (const char               *path,
                         const TenureDemoOptions  *options,
                         gboolean                  replace,
                         TenureProgressFunc        progress,
                         gpointer                  user_data,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autofree char *tmp_path = NULL;
  TenureDb *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;
  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_EXISTS,
                   _("“%s” already exists"), display);
      return FALSE;
    }
  /* Refused before the long generation, and checked again before the rename. */
  if (replace && workspace_in_use (path))
    return set_in_use_error (path, error);

  /* Reserve a unique name, then let TenureDb create the workspace under it. */
  tmp_path = tenure_file_create_temporary (path, error);
  if (tmp_path == NULL)
    return FALSE;
  g_unlink (tmp_path);

  db = tenure_db_open (tmp_path, TENURE_DB_OPEN_CREATE, error);
  ok = db != NULL;
  /* Nobody else can see this file, and it is thrown away on failure or cancel: no need
   * for a journal, nor to wait for the disk after every batch (committing syncs it once). */
  ok = ok && tenure_db_exec (db, "PRAGMA journal_mode = OFF", error);
  ok = ok && tenure_db_exec (db, "PRAGMA synchronous = OFF", error);
  ok = ok && tenure_db_exec (db, "PRAGMA cache_size = -262144", error);
  /* Held from the first write to the close: another run writing the same name sees the
   * temporary is alive (tenure_file_remove_stale_temporaries ()). */
  ok = ok && tenure_db_exec (db, "PRAGMA locking_mode = EXCLUSIVE", error);
  ok = ok && tenure_demo_generate (db, options, progress, user_data, cancellable, error);
  g_clear_pointer (&db, tenure_db_close);

  /* The replaced workspace's write-ahead log is folded into it and emptied first, so
   * that nothing it held is lost if the rename fails, and so that no stale log can be
   * replayed into the new file afterwards. */
  if (ok && replace && workspace_in_use (path))
    ok = set_in_use_error (path, error);
  if (ok && replace && !retire_write_ahead_log (path, error))
    ok = FALSE;
  if (!ok)
    {
      tenure_file_discard_temporary (tmp_path);
      return FALSE;
    }
  tenure_file_remove_orphan_logs (path);
  if (replace ? !tenure_file_commit_temporary (tmp_path, path, error)
              : !tenure_file_commit_new_temporary (tmp_path, path, error))
    return FALSE;

  if (replace)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
    }

  return TRUE;
}
