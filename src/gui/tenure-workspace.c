/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opens a workspace off the main thread and holds what every page binds to. */

#define G_LOG_DOMAIN "tenure-workspace"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-workspace.h"

/* Months offered in a workspace without data: the five years before the last full month. */
#define EMPTY_WORKSPACE_MONTHS 60

struct _TenureWorkspace
{
  GObject  parent_instance;

  GFile   *file;
  char    *path;
  char    *file_name;
  char    *company_name;
  char    *filter;
  int      first_month;
  int      last_month;
  int      month;
  guint    has_data : 1;
  guint    read_only : 1;
};

G_DEFINE_FINAL_TYPE (TenureWorkspace, tenure_workspace, G_TYPE_OBJECT)

/* Identifies our GTasks (a function pointer is not a gpointer in ISO C). */
static char open_tag;

enum {
  PROP_0,
  PROP_COMPANY_NAME,
  PROP_FILE,
  PROP_FILE_NAME,
  PROP_FILTER,
  PROP_FIRST_MONTH,
  PROP_HAS_DATA,
  PROP_LAST_MONTH,
  PROP_MONTH,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Sets the months the month selector offers: those with data up to the last full month
 * (a month still running gives misleading figures), and the last full month with data
 * selected. */
static void
set_month_range (TenureWorkspace *self,
                 gboolean         has_data,
                 int              data_first,
                 int              data_last)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int last_full = tenure_month_last_full (now);

  self->has_data = has_data;
  if (has_data)
    {
      self->first_month = MIN (data_first, last_full);
      self->last_month = MAX (self->first_month, MIN (data_last, last_full));
    }
  else
    {
      self->first_month = last_full - (EMPTY_WORKSPACE_MONTHS - 1);
      self->last_month = last_full;
    }
  self->month = self->last_month;
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(TenureWorkspace) self = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int data_first = -1;
  int data_last = -1;
  gboolean has_data;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_FOUND,
                               _("“%s” is not a local file: copy it to a folder on this "
                                 "computer and open it from there"), uri);
      return;
    }

  /* Opening read-write lets an older workspace be brought up to date; a workspace the
   * user may not change (a colleague's, on a read-only share) can still be looked at. */
  db = tenure_db_open (path, TENURE_DB_OPEN_DEFAULT, &error);
  if (db == NULL && g_error_matches (error, TENURE_DB_ERROR, TENURE_DB_ERROR_READ_ONLY))
    {
      g_clear_error (&error);
      db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
    }
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!tenure_db_get_data_range (db, &data_first, &data_last, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  has_data = data_first >= 0;

  self = g_object_new (TENURE_TYPE_WORKSPACE, "file", file, NULL);
  self->company_name = tenure_db_get_company_name (db);
  self->read_only = tenure_db_is_read_only (db);
  set_month_range (self, has_data, data_first, data_last);

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

static void
tenure_workspace_finalize (GObject *object)
{
  TenureWorkspace *self = (TenureWorkspace *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (tenure_workspace_parent_class)->finalize (object);
}

static void
tenure_workspace_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TenureWorkspace *self = TENURE_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;

    case PROP_FIRST_MONTH:
      g_value_set_int (value, self->first_month);
      break;

    case PROP_HAS_DATA:
      g_value_set_boolean (value, self->has_data);
      break;

    case PROP_LAST_MONTH:
      g_value_set_int (value, self->last_month);
      break;

    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_workspace_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TenureWorkspace *self = TENURE_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      self->path = g_file_get_path (self->file);
      self->file_name = g_file_get_basename (self->file);
      break;

    case PROP_FILTER:
      tenure_workspace_set_filter (self, g_value_get_string (value));
      break;

    case PROP_MONTH:
      tenure_workspace_set_month (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_workspace_class_init (TenureWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenure_workspace_finalize;
  object_class->get_property = tenure_workspace_get_property;
  object_class->set_property = tenure_workspace_set_property;

  properties [PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* A segment, plan or channel that every page restricts its figures to; empty for all
   * customers. The filter's own widget comes with the metrics. */
  properties [PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FIRST_MONTH] =
    g_param_spec_int ("first-month", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_DATA] =
    g_param_spec_boolean ("has-data", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_MONTH] =
    g_param_spec_int ("last-month", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* The month every page shows, a TENURE_MONTH () index. */
  properties [PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* TRUE when the file could only be opened for reading: editors stay insensitive. */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenure_workspace_init (TenureWorkspace *self)
{
  self->filter = g_strdup ("");
}

/**
 * tenure_workspace_open_async:
 *
 * Opens the workspace in @file in a worker thread (migrating it when it comes from an
 * older version) and reads its company name and the months that have data.
 */
void
tenure_workspace_open_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, &open_tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, open_worker);
}

TenureWorkspace *
tenure_workspace_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &open_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
tenure_workspace_get_file (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), NULL);

  return self->file;
}

const char *
tenure_workspace_get_path (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), NULL);

  return self->path;
}

const char *
tenure_workspace_get_file_name (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), NULL);

  return self->file_name;
}

const char *
tenure_workspace_get_company_name (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), NULL);

  return self->company_name;
}

gboolean
tenure_workspace_get_has_data (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), FALSE);

  return self->has_data;
}

gboolean
tenure_workspace_get_read_only (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), FALSE);

  return self->read_only;
}

int
tenure_workspace_get_first_month (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), 0);

  return self->first_month;
}

int
tenure_workspace_get_last_month (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), 0);

  return self->last_month;
}

int
tenure_workspace_get_month (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), 0);

  return self->month;
}

/* Selects @month, kept within the months the workspace offers. */
void
tenure_workspace_set_month (TenureWorkspace *self,
                            int              month)
{
  g_return_if_fail (TENURE_IS_WORKSPACE (self));

  month = CLAMP (month, self->first_month, self->last_month);
  if (month != self->month)
    {
      self->month = month;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MONTH]);
    }
}

const char *
tenure_workspace_get_filter (TenureWorkspace *self)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), NULL);

  return self->filter;
}

void
tenure_workspace_set_filter (TenureWorkspace *self,
                             const char      *filter)
{
  g_return_if_fail (TENURE_IS_WORKSPACE (self));

  if (filter == NULL)
    filter = "";

  if (g_strcmp0 (filter, self->filter) != 0)
    {
      g_free (self->filter);
      self->filter = g_strdup (filter);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER]);
    }
}

/**
 * tenure_workspace_open_db:
 *
 * Opens a new read-only connection to the workspace, for a page's worker thread: SQLite
 * connections are not shared between threads.
 */
TenureDb *
tenure_workspace_open_db (TenureWorkspace  *self,
                          GError          **error)
{
  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), NULL);

  return tenure_db_open (self->path, TENURE_DB_OPEN_READ_ONLY, error);
}

/**
 * tenure_workspace_open_edit_db:
 *
 * Opens a connection that may write, for an editor whose edits run on the main thread
 * (read-only when the workspace or its file may not be written: the editor then refuses
 * its edits with the core's message). It may be opened in a worker and handed to the main
 * thread, which then alone uses it.
 *
 * Its wait for another program's lock is TENURE_WORKSPACE_EDIT_WAIT_MS instead of the
 * five seconds of the command line. Every edit begins with BEGIN IMMEDIATE, so while
 * another program (or an import in a worker) holds the workspace, the edit fails at that
 * first step, having written nothing and pushed no undo step, and the editor shows "The
 * workspace is being changed by another program: wait for it to finish, then try again"
 * where it shows its other errors, keeping what the user typed. The user tries again,
 * or types on: the next keystroke saves the whole field. The short wait still covers
 * another connection's ordinary commit, which takes a few milliseconds.
 *
 * Retrying a refused edit later by itself was weighed and left out: each editor would
 * have to become asynchronous, a retried edit would land after edits the user made since
 * (out of order in the undo history, or over a value the user changed again), and the
 * user who went on would not know whether it landed. Running the edits in a worker queue
 * would keep the main loop free too, but every read the editors make after an edit (the
 * reloaded scenario, the question list) would then have to wait for the queue.
 */
TenureDb *
tenure_workspace_open_edit_db (TenureWorkspace  *self,
                               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  TenureDb *db;

  g_return_val_if_fail (TENURE_IS_WORKSPACE (self), NULL);

  if (self->read_only)
    db = tenure_db_open (self->path, TENURE_DB_OPEN_READ_ONLY, &local_error);
  else
    {
      db = tenure_db_open (self->path, TENURE_DB_OPEN_DEFAULT, &local_error);
      if (db == NULL && g_error_matches (local_error, TENURE_DB_ERROR,
                                         TENURE_DB_ERROR_READ_ONLY))
        {
          g_clear_error (&local_error);
          db = tenure_db_open (self->path, TENURE_DB_OPEN_READ_ONLY, &local_error);
        }
    }
  if (db == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  tenure_db_set_busy_timeout (db, TENURE_WORKSPACE_EDIT_WAIT_MS);
  return db;
}
