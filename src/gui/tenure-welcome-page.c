/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Welcomes a user without a workspace: creates the demo company off the main thread, with
 * progress and cancel, and lists the workspaces opened recently. */

#define G_LOG_DOMAIN "tenure-welcome-page"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tenure-demo.h"
#include "tenure-welcome-page.h"

/* Recent workspaces shown; the setting keeps more. */
#define MAX_RECENT_SHOWN 5

struct _TenureWelcomePage
{
  AdwBin          parent_instance;

  GtkWidget      *buttons_box;
  GtkWidget      *cancel_button;
  GtkLabel       *demo_label;
  GtkRevealer    *demo_revealer;
  GtkProgressBar *demo_progress;
  GtkListBox     *recent_list;
  GtkWidget      *recent_box;

  GSettings      *settings;
  GCancellable   *demo_cancellable;
  guint           progress_source;
  guint           n_recent;
};

G_DEFINE_FINAL_TYPE (TenureWelcomePage, tenure_welcome_page, ADW_TYPE_BIN)

/* Identifies our GTasks (a function pointer is not a gpointer in ISO C). */
static char demo_tag;

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  OPEN,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  char *path;
  int   permille;   /* written by the worker, read by the progress timeout */
} DemoData;

static void
demo_data_free (gpointer data)
{
  DemoData *demo = data;

  g_free (demo->path);
  g_free (demo);
}

static void
emit_open (TenureWelcomePage *self,
           const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_signal_emit (self, signals [OPEN], 0, file);
}

static void
set_busy (TenureWelcomePage *self,
          GCancellable      *cancellable)
{
  gboolean was_busy = self->demo_cancellable != NULL;

  g_clear_object (&self->demo_cancellable);
  if (cancellable != NULL)
    self->demo_cancellable = g_object_ref (cancellable);

  gtk_label_set_label (self->demo_label, _("Creating the demo company…"));
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  gtk_widget_set_sensitive (self->buttons_box, cancellable == NULL);
  gtk_widget_set_sensitive (self->recent_box, cancellable == NULL);
  gtk_revealer_set_reveal_child (self->demo_revealer, cancellable != NULL);
  gtk_progress_bar_set_fraction (self->demo_progress, 0.0);

  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
update_recent (TenureWelcomePage *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  self->n_recent = 0;
  for (guint i = 0; recent[i] != NULL && self->n_recent < MAX_RECENT_SHOWN; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autofree char *title = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *home_folder = NULL;
      const char *home = g_get_home_dir ();
      GtkWidget *row;
      char *dot;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;

      file = g_file_new_for_path (recent[i]);
      parent = g_file_get_parent (file);
      title = g_filename_display_basename (recent[i]);
      dot = g_strrstr (title, ".");
      if (dot != NULL && dot != title)
        *dot = '\0';
      folder = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
      if (g_str_has_prefix (folder, home) && folder[strlen (home)] == G_DIR_SEPARATOR)
        home_folder = g_strconcat ("~", folder + strlen (home), NULL);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   home_folder != NULL ? home_folder : folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      self->n_recent++;
    }

  gtk_widget_set_visible (self->recent_box, self->n_recent > 0);
}

static void
recent_changed_cb (TenureWelcomePage *self)
{
  update_recent (self);
}

static void
recent_row_activated_cb (TenureWelcomePage *self,
                         GtkListBoxRow     *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path != NULL)
    emit_open (self, path);
}

static gboolean
progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  TenureWelcomePage *self = g_task_get_source_object (task);
  DemoData *demo = g_task_get_task_data (task);

  gtk_progress_bar_set_fraction (self->demo_progress, g_atomic_int_get (&demo->permille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

/* Called in the worker thread. */
static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  DemoData *demo = user_data;

  g_atomic_int_set (&demo->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
create_demo_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DemoData *demo = task_data;
  g_autofree char *dir = g_path_get_dirname (demo->path);
  g_autoptr(GError) error = NULL;
  TenureDemoOptions options;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Cannot create the folder “%s”: %s"),
                               display, g_strerror (saved_errno));
      return;
    }

  tenure_demo_options_init (&options);
  if (!tenure_demo_create_file (demo->path, &options, FALSE, demo_progress_cb, demo,
                                cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
create_demo_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TenureWelcomePage *self = TENURE_WELCOME_PAGE (object);
  DemoData *demo = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkRoot *root;

  /* The page was disposed meanwhile. */
  if (self->demo_cancellable != g_task_get_cancellable (G_TASK (result)))
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  set_busy (self, NULL);

  /* Another window may have created it meanwhile, before this one began or while it
   * generated (it then never replaces it): open that one. */
  if (g_task_propagate_boolean (G_TASK (result), &error) ||
      g_error_matches (error, TENURE_DEMO_ERROR, TENURE_DEMO_ERROR_EXISTS) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      emit_open (self, demo->path);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Cannot Create the Demo Company"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_demo_cb (TenureWelcomePage *self)
{
  tenure_welcome_page_cancel_demo (self);
}

static void
demo_clicked_cb (TenureWelcomePage *self)
{
  tenure_welcome_page_open_demo (self);
}

static void
tenure_welcome_page_dispose (GObject *object)
{
  TenureWelcomePage *self = (TenureWelcomePage *)object;

  g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->settings);

  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (tenure_welcome_page_parent_class)->dispose (object);
}

static void
tenure_welcome_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TenureWelcomePage *self = TENURE_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, tenure_welcome_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_welcome_page_class_init (TenureWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_welcome_page_dispose;
  object_class->get_property = tenure_welcome_page_get_property;

  /* TRUE while the demo company is being created. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TenureWelcomePage::open:
   * @file: the workspace to open
   *
   * Emitted when the user picks a recent workspace, or when the demo company is ready.
   */
  signals [OPEN] =
    g_signal_new ("open",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureWelcomePage, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, TenureWelcomePage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TenureWelcomePage, demo_label);
  gtk_widget_class_bind_template_child (widget_class, TenureWelcomePage, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, TenureWelcomePage, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, TenureWelcomePage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, TenureWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, cancel_demo_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
}

static void
tenure_welcome_page_init (TenureWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  update_recent (self);
}

/* Where the demo company lives: created there once, reopened afterwards. */
char *
tenure_welcome_page_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tenure", "demo.tenure", NULL);
}

/**
 * tenure_welcome_page_open_demo:
 *
 * Emits #TenureWelcomePage::open with the demo company, creating it first in a worker
 * thread when it does not exist yet.
 */
void
tenure_welcome_page_open_demo (TenureWelcomePage *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  DemoData *demo;

  g_return_if_fail (TENURE_IS_WELCOME_PAGE (self));

  if (self->demo_cancellable != NULL)
    return;

  demo = g_new0 (DemoData, 1);
  demo->path = tenure_welcome_page_dup_demo_path ();
  if (g_file_test (demo->path, G_FILE_TEST_IS_REGULAR))
    {
      emit_open (self, demo->path);
      demo_data_free (demo);
      return;
    }

  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);

  task = g_task_new (self, cancellable, create_demo_cb, NULL);
  g_task_set_source_tag (task, &demo_tag);
  g_task_set_task_data (task, demo, demo_data_free);
  self->progress_source = g_timeout_add_full (G_PRIORITY_DEFAULT, 100, progress_cb,
                                              g_object_ref (task), g_object_unref);
  g_task_run_in_thread (task, create_demo_worker);
}

void
tenure_welcome_page_cancel_demo (TenureWelcomePage *self)
{
  g_return_if_fail (TENURE_IS_WELCOME_PAGE (self));

  /* Busy until the worker has stopped and removed what it had written. */
  if (self->demo_cancellable != NULL)
    {
      g_cancellable_cancel (self->demo_cancellable);
      gtk_label_set_label (self->demo_label, _("Cancelling…"));
      gtk_widget_set_sensitive (self->cancel_button, FALSE);
    }
}

gboolean
tenure_welcome_page_get_busy (TenureWelcomePage *self)
{
  g_return_val_if_fail (TENURE_IS_WELCOME_PAGE (self), FALSE);

  return self->demo_cancellable != NULL;
}

/* The number of recent workspaces listed. */
guint
tenure_welcome_page_get_n_recent (TenureWelcomePage *self)
{
  g_return_val_if_fail (TENURE_IS_WELCOME_PAGE (self), 0);

  return self->n_recent;
}
