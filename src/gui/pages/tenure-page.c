/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Follows the workspace's month and filter, and reloads a page while it is shown, or when
 * the window preloads it. */

#define G_LOG_DOMAIN "tenure-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-format.h"
#include "tenure-metrics-groups.h"
#include "tenure-page.h"

typedef struct
{
  TenureWorkspace *workspace;
  GBinding        *month_binding;
  gulong           filter_handler;
  GCancellable    *cancellable;
  guint            reload_source;
  gint64           load_start;   /* monotonic time the load under way began */
  gint64           load_time;    /* how long the latest finished load took, or -1 */
  int              month;
  guint            busy : 1;
  guint            needs_reload : 1;
  guint            loaded : 1;
} TenurePagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TenurePage, tenure_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_MONTH,
  PROP_WORKSPACE,
  N_PROPS
};

enum {
  READY,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
set_busy (TenurePage *self,
          gboolean    busy)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  busy = !!busy;
  if (priv->busy != busy)
    {
      priv->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
    }
}

static gboolean
reload_cb (gpointer user_data)
{
  TenurePage *self = user_data;
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  priv->reload_source = 0;
  if (!priv->needs_reload || priv->workspace == NULL)
    return G_SOURCE_REMOVE;

  priv->needs_reload = FALSE;
  TENURE_PAGE_GET_CLASS (self)->reload (self);

  return G_SOURCE_REMOVE;
}

/* Coalesces the changes of one main loop iteration (workspace and month together) into
 * one reload, and waits for the page to be on screen. */
static void
schedule_reload (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  if (priv->reload_source != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  priv->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_cb, self, NULL);
}

/* A load cancelled before it ended took at least the time it ran: a page of a big
 * workspace whose loads are always cut short by the user still counts as slow. */
static void
note_cancelled_load (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  if (priv->cancellable != NULL)
    priv->load_time = MAX (priv->load_time, g_get_monotonic_time () - priv->load_start);
}

/* Drops the load under way: its figures would be out of date, and a hidden page must not
 * keep a processor busy for them. The page is not ready until its next load. */
static void
cancel_loading (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  note_cancelled_load (self);
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  set_busy (self, FALSE);
}

static void
filter_changed_cb (TenurePage      *self,
                   GParamSpec      *pspec,
                   TenureWorkspace *workspace)
{
  tenure_page_queue_reload (self);
}

static void
tenure_page_real_reload (TenurePage *self)
{
  g_autoptr(GCancellable) cancellable = g_object_ref (tenure_page_begin_loading (self));

  tenure_page_end_loading (self, cancellable);
}

static void
tenure_page_map (GtkWidget *widget)
{
  TenurePage *self = TENURE_PAGE (widget);
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  GTK_WIDGET_CLASS (tenure_page_parent_class)->map (widget);

  if (priv->needs_reload)
    schedule_reload (self);
}

/* Out of the window (it closes): the load under way is shown nowhere, and must not end
 * with "ready" on a page that a worker alone keeps alive. */
static void
tenure_page_unroot (GtkWidget *widget)
{
  TenurePage *self = TENURE_PAGE (widget);
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  if (priv->cancellable != NULL)
    {
      cancel_loading (self);
      priv->needs_reload = TRUE;
    }

  GTK_WIDGET_CLASS (tenure_page_parent_class)->unroot (widget);
}

static void
tenure_page_dispose (GObject *object)
{
  TenurePage *self = (TenurePage *)object;
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  tenure_page_set_workspace (self, NULL);

  G_OBJECT_CLASS (tenure_page_parent_class)->dispose (object);
}

static void
tenure_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TenurePage *self = TENURE_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, tenure_page_get_busy (self));
      break;

    case PROP_MONTH:
      g_value_set_int (value, tenure_page_get_month (self));
      break;

    case PROP_WORKSPACE:
      g_value_set_object (value, tenure_page_get_workspace (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TenurePage *self = TENURE_PAGE (object);

  switch (prop_id)
    {
    case PROP_MONTH:
      tenure_page_set_month (self, g_value_get_int (value));
      break;

    case PROP_WORKSPACE:
      tenure_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_page_class_init (TenurePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_page_dispose;
  object_class->get_property = tenure_page_get_property;
  object_class->set_property = tenure_page_set_property;

  widget_class->map = tenure_page_map;
  widget_class->unroot = tenure_page_unroot;

  klass->reload = tenure_page_real_reload;
  klass->preload = TRUE;

  /* TRUE while the page loads its figures. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The month shown, a TENURE_MONTH () index; follows the workspace's month. */
  properties [PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, TENURE_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TenurePage::ready:
   *
   * Emitted when the page shows the figures of its current workspace, month and filter.
   */
  signals [READY] =
    g_signal_new ("ready",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tenure_page_init (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  priv->load_time = -1;
}

TenureWorkspace *
tenure_page_get_workspace (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_PAGE (self), NULL);

  return priv->workspace;
}

/* Shows @workspace; the page's month then follows the workspace's month. */
void
tenure_page_set_workspace (TenurePage      *self,
                           TenureWorkspace *workspace)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_if_fail (TENURE_IS_PAGE (self));
  g_return_if_fail (!workspace || TENURE_IS_WORKSPACE (workspace));

  if (priv->workspace == workspace)
    return;

  if (priv->workspace != NULL)
    {
      g_clear_pointer (&priv->month_binding, g_binding_unbind);
      g_clear_signal_handler (&priv->filter_handler, priv->workspace);
      g_clear_object (&priv->workspace);
    }

  cancel_loading (self);
  priv->loaded = FALSE;
  priv->load_time = -1;

  if (workspace != NULL)
    {
      priv->workspace = g_object_ref (workspace);
      priv->month_binding = g_object_bind_property (workspace, "month", self, "month",
                                                    G_BINDING_SYNC_CREATE);
      priv->filter_handler = g_signal_connect_object (workspace, "notify::filter",
                                                      G_CALLBACK (filter_changed_cb), self,
                                                      G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORKSPACE]);
  tenure_page_queue_reload (self);
}

int
tenure_page_get_month (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_PAGE (self), 0);

  return priv->month;
}

void
tenure_page_set_month (TenurePage *self,
                       int         month)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_if_fail (TENURE_IS_PAGE (self));

  if (priv->month == month)
    return;

  priv->month = month;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MONTH]);
  tenure_page_queue_reload (self);
}

gboolean
tenure_page_get_busy (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_PAGE (self), FALSE);

  return priv->busy;
}

/* TRUE when the page shows the figures of its current workspace, month and filter: what
 * a test waits for before it takes a screenshot. */
gboolean
tenure_page_is_ready (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_PAGE (self), FALSE);

  return priv->workspace != NULL && priv->loaded && !priv->busy && !priv->needs_reload;
}

/* TRUE when the figures are out of date (or were never loaded): the page reloads when it
 * is next shown, or preloaded. */
gboolean
tenure_page_needs_reload (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_PAGE (self), FALSE);

  return priv->workspace != NULL && priv->needs_reload;
}

/**
 * tenure_page_get_load_time:
 *
 * How long the page's latest load took, from tenure_page_begin_loading() to
 * tenure_page_end_loading() (or, when loads were cancelled since, the longest time one of
 * them ran, if longer): what the window weighs before it preloads the page.
 *
 * Returns: microseconds, or -1 when the page has not begun loading its workspace
 */
gint64
tenure_page_get_load_time (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_PAGE (self), -1);

  return priv->load_time;
}

/* Marks the figures as out of date: the page reloads now if it is shown, or when it is
 * shown or preloaded. A hidden page drops the load under way, now out of date. */
void
tenure_page_queue_reload (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_if_fail (TENURE_IS_PAGE (self));

  priv->needs_reload = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && priv->cancellable != NULL)
    cancel_loading (self);
  schedule_reload (self);
}

/**
 * tenure_page_preload:
 *
 * Reloads the hidden page now, as it would when shown, if its figures are out of date
 * and its class allows it (#TenurePageClass.preload): the page is then ready when shown.
 * A change of month, filter or workspace cancels the preload (the page reloads when
 * shown, or preloaded again).
 *
 * Returns: TRUE if a load started and is under way
 */
gboolean
tenure_page_preload (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_PAGE (self), FALSE);

  if (priv->workspace == NULL || !priv->needs_reload || priv->busy ||
      gtk_widget_get_mapped (GTK_WIDGET (self)) || !TENURE_PAGE_GET_CLASS (self)->preload)
    return FALSE;

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  priv->needs_reload = FALSE;
  TENURE_PAGE_GET_CLASS (self)->reload (self);

  return priv->busy;
}

/**
 * tenure_page_begin_loading:
 *
 * Cancels the load under way, if any, and marks the page busy.
 *
 * Returns: (transfer none): the cancellable of the new load, to pass to the worker and
 *   back to tenure_page_end_loading()
 */
GCancellable *
tenure_page_begin_loading (TenurePage *self)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_val_if_fail (TENURE_IS_PAGE (self), NULL);

  note_cancelled_load (self);
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  priv->load_start = g_get_monotonic_time ();
  set_busy (self, TRUE);

  return priv->cancellable;
}

/**
 * tenure_page_end_loading:
 * @cancellable: the cancellable tenure_page_begin_loading() returned
 *
 * Marks the load done and emits #TenurePage::ready, unless a newer load replaced it
 * (then this does nothing: the newer load ends on its own).
 */
void
tenure_page_end_loading (TenurePage   *self,
                         GCancellable *cancellable)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);

  g_return_if_fail (TENURE_IS_PAGE (self));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  if (cancellable != priv->cancellable)
    return;

  g_clear_object (&priv->cancellable);
  priv->loaded = TRUE;
  priv->load_time = g_get_monotonic_time () - priv->load_start;
  set_busy (self, FALSE);
  g_signal_emit (self, signals [READY], 0);
}

/* A load of tenure_page_load_in_thread(): what the page asked for, and what it said. */
typedef struct
{
  TenurePageLoad        load;
  char                 *filter_text;   /* what load.filter points into */
  GDestroyNotify        data_free;
  GDestroyNotify        result_free;
  TenurePageLoadFunc    load_func;
  TenurePageLoadedFunc  loaded_func;
} Load;

/* Identifies the GTasks of tenure_page_load_in_thread(). */
static char load_tag;

static void
load_free (gpointer data)
{
  Load *load = data;

  if (load->data_free != NULL && load->load.data != NULL)
    load->data_free (load->load.data);
  g_clear_object (&load->load.workspace);
  g_free (load->filter_text);
  g_free (load);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  db = tenure_workspace_open_db (load->load.workspace, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = load->load_func (db, &load->load, cancellable, &error);
  if (error != NULL)
    {
      if (result != NULL && load->result_free != NULL)
        load->result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, load->result_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *task,
              gpointer      user_data)
{
  g_autoptr(TenurePage) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (task));
  Load *load = g_task_get_task_data (G_TASK (task));
  g_autoptr(GError) error = NULL;
  gpointer result;

  result = g_task_propagate_pointer (G_TASK (task), &error);

  /* A newer load, or the page's disposal, took over. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (cancellable))
    {
      load->loaded_func (self, &load->load, result, error);
      tenure_page_end_loading (self, cancellable);
    }

  if (result != NULL && load->result_free != NULL)
    load->result_free (result);
}

/**
 * tenure_page_load_in_thread:
 * @load_func: what the worker computes, with its own connection to the workspace
 * @data: (nullable): the page's request, given to both functions as #TenurePageLoad.data
 * @data_free: (nullable): frees @data once the load is over
 * @result_free: (nullable): frees what @load_func returns
 * @loaded_func: shows the result
 *
 * Loads the page's figures as a reload does: begins loading (cancelling the load under
 * way), opens the workspace read-only in a worker thread and runs @load_func there for
 * the page's month and the workspace's filter, then calls @loaded_func in the main thread
 * and ends loading, unless a newer load or the page's disposal cancelled this one.
 */
void
tenure_page_load_in_thread (TenurePage           *self,
                            TenurePageLoadFunc    load_func,
                            gpointer              data,
                            GDestroyNotify        data_free,
                            GDestroyNotify        result_free,
                            TenurePageLoadedFunc  loaded_func)
{
  TenurePagePrivate *priv = tenure_page_get_instance_private (self);
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;
  Load *load;

  g_return_if_fail (TENURE_IS_PAGE (self));
  g_return_if_fail (priv->workspace != NULL);
  g_return_if_fail (load_func != NULL);
  g_return_if_fail (loaded_func != NULL);

  cancellable = tenure_page_begin_loading (self);

  load = g_new0 (Load, 1);
  load->load.workspace = g_object_ref (priv->workspace);
  load->load.month = priv->month;
  load->load.data = data;
  load->filter_text = g_strdup (tenure_workspace_get_filter (priv->workspace));
  tenure_filter_from_string (load->filter_text, &load->load.filter);
  load->data_free = data_free;
  load->result_free = result_free;
  load->load_func = load_func;
  load->loaded_func = loaded_func;

  task = g_task_new (NULL, cancellable, load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, &load_tag);
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_worker);
}

/**
 * tenure_page_format_summary:
 *
 * The month and the group of accounts @load is for, "Oct 2026 · All accounts".
 */
char *
tenure_page_format_summary (const TenurePageLoad *load)
{
  g_autofree char *month = tenure_format_month (load->month, TENURE_LANGUAGE_DEFAULT);
  g_autofree char *group = tenure_filter_describe (&load->filter);

  /* Translators: the month shown and the group of accounts, "Oct 2026 · All accounts" */
  return g_strdup_printf (_("%s · %s"), month, group);
}

/**
 * tenure_page_show_error:
 * @stack: the page's stack, with a child named "error"
 * @error_page: the status page of that child
 *
 * Shows why a load failed: @error's message in @error_page, shown in @stack.
 */
void
tenure_page_show_error (GtkStack      *stack,
                        AdwStatusPage *error_page,
                        const GError  *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (error_page, markup);
  gtk_stack_set_visible_child_name (stack, "error");
}
