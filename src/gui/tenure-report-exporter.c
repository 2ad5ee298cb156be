/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports the monthly report: asks where (GtkFileChooserNative), writes it in a worker
 * (tenure_report_write_async) under a bar with its progress and Cancel, then says
 * “Report saved” in a toast that opens it, or shows the core's message in a dialog. */

#define G_LOG_DOMAIN "tenure-report-exporter"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-metrics-groups.h"
#include "tenure-report-exporter.h"
#include "tenure-report.h"

struct _TenureReportExporter
{
  AdwBin            parent_instance;

  GtkRevealer      *revealer;
  GtkLabel         *label;
  GtkProgressBar   *progress_bar;

  AdwToastOverlay  *toast_overlay;
  GSimpleAction    *open_action;

  GCancellable     *cancellable;
  GFile            *file;
  GFile            *last_folder;
  gboolean          disposed;
};

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

G_DEFINE_FINAL_TYPE (TenureReportExporter, tenure_report_exporter, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_TOAST_OVERLAY,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* What the worker's progress callback shares with the main thread: the latest fraction,
 * shown by at most one idle callback at a time, so that a worker reporting often does not
 * flood the main loop. */
typedef struct
{
  GWeakRef      exporter;
  GCancellable *cancellable;
  GMutex        mutex;
  double        fraction;
  gboolean      pending;
} ProgressShared;

static void
progress_shared_clear (gpointer data)
{
  ProgressShared *shared = data;

  g_weak_ref_clear (&shared->exporter);
  g_clear_object (&shared->cancellable);
  g_mutex_clear (&shared->mutex);
}

static void
progress_shared_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_shared_clear);
}

static gboolean
progress_update_cb (gpointer data)
{
  ProgressShared *shared = data;
  g_autoptr(TenureReportExporter) self = g_weak_ref_get (&shared->exporter);
  double fraction;

  g_mutex_lock (&shared->mutex);
  fraction = shared->fraction;
  shared->pending = FALSE;
  g_mutex_unlock (&shared->mutex);

  if (self != NULL && self->cancellable == shared->cancellable)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));

  return G_SOURCE_REMOVE;
}

/* Called in the worker thread. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressShared *shared = user_data;
  gboolean schedule;

  g_mutex_lock (&shared->mutex);
  shared->fraction = fraction;
  schedule = !shared->pending;
  shared->pending = TRUE;
  g_mutex_unlock (&shared->mutex);

  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, progress_update_cb,
                     g_atomic_rc_box_acquire (shared), progress_shared_unref);
}

static void
set_busy (TenureReportExporter *self,
          gboolean              busy)
{
  gtk_revealer_set_reveal_child (self->revealer, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
show_error (TenureReportExporter *self,
            const GError         *error)
{
  gboolean stop = g_str_has_suffix (error->message, ".") || g_str_has_suffix (error->message, "!");
  g_autofree char *body = g_strdup_printf (stop ? "%s" : "%s.", error->message);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Cannot Export the Report"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_saved (TenureReportExporter *self,
            GFile                *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  if (self->toast_overlay == NULL)
    return;

  toast = adw_toast_new (_("Report saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "exporter.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TenureReportExporter) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean cancelled;

  tenure_report_write_finish (result, &error);

  /* The exporter always finishes its export before it starts another. */
  g_clear_object (&self->cancellable);
  file = g_steal_pointer (&self->file);
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The window closed during the export. */
  if (self->disposed)
    return;

  set_busy (self, FALSE);

  if (error == NULL)
    show_saved (self, file);
  else if (!cancelled)
    show_error (self, error);

  g_signal_emit (self, signals [FINISHED], 0, file, error);
}

static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TenureReportExporter) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && self->toast_overlay != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s says why, e.g. that no application opens spreadsheets */
      title = g_strdup_printf (_("Cannot open the report: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }
}

static void
open_action_cb (GSimpleAction        *action,
                GVariant             *param,
                TenureReportExporter *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (display));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), context, NULL,
                                           launch_cb, g_object_ref (self));
}

static void
chooser_response_cb (TenureReportExporter *self,
                     int                   response,
                     GtkFileChooserNative *native)
{
  TenureWorkspace *workspace = g_object_get_data (G_OBJECT (native), "workspace");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        tenure_report_exporter_export_to (self, workspace, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

static void
tenure_report_exporter_dispose (GObject *object)
{
  TenureReportExporter *self = TENURE_REPORT_EXPORTER (object);

  /* The core removes its temporary file when it stops. */
  g_cancellable_cancel (self->cancellable);
  self->disposed = TRUE;

  if (self->toast_overlay != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->toast_overlay), "exporter", NULL);
  g_clear_object (&self->toast_overlay);
  g_clear_object (&self->open_action);
  g_clear_object (&self->last_folder);

  G_OBJECT_CLASS (tenure_report_exporter_parent_class)->dispose (object);
}

static void
tenure_report_exporter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TenureReportExporter *self = TENURE_REPORT_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, tenure_report_exporter_get_busy (self));
      break;

    case PROP_TOAST_OVERLAY:
      g_value_set_object (value, self->toast_overlay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_report_exporter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TenureReportExporter *self = TENURE_REPORT_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_TOAST_OVERLAY:
      tenure_report_exporter_set_toast_overlay (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenure_report_exporter_class_init (TenureReportExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tenure_report_exporter_dispose;
  object_class->get_property = tenure_report_exporter_get_property;
  object_class->set_property = tenure_report_exporter_set_property;

  /**
   * TenureReportExporter:busy:
   *
   * Whether a report is being written.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TenureReportExporter:toast-overlay:
   *
   * Where “Report saved” appears.
   */
  properties [PROP_TOAST_OVERLAY] =
    g_param_spec_object ("toast-overlay", NULL, NULL,
                         ADW_TYPE_TOAST_OVERLAY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TenureReportExporter::finished:
   * @file: where the report was to be written
   * @error: (nullable): why it was not, or %NULL
   *
   * Emitted when an export ends: written, failed or cancelled.
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);
}

static void
tenure_report_exporter_init (TenureReportExporter *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  self->label = GTK_LABEL (gtk_label_new (_("Exporting the report…")));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report export progress"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));

  gtk_widget_set_tooltip_text (cancel, _("Stop the export; no file is written"));
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (tenure_report_exporter_cancel), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), cancel);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));

  self->open_action = g_simple_action_new ("open", G_VARIANT_TYPE_STRING);
  g_signal_connect_object (self->open_action, "activate", G_CALLBACK (open_action_cb), self, 0);
}

/* The file name the chooser suggests: “Tenure report 2026-10.xlsx”. */
char *
tenure_report_exporter_suggest_name (int month)
{
  /* Translators: the file name suggested for the report; %04d-%02d is the month (2026-10) */
  return g_strdup_printf (_("Tenure report %04d-%02d.xlsx"),
                          TENURE_MONTH_YEAR (month), TENURE_MONTH_MON (month));
}

/* Asks where to save the report of @workspace's month, then writes it. */
void
tenure_report_exporter_choose (TenureReportExporter *self,
                               TenureWorkspace      *workspace)
{
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;

  g_return_if_fail (TENURE_IS_REPORT_EXPORTER (self));
  g_return_if_fail (TENURE_IS_WORKSPACE (workspace));

  if (tenure_report_exporter_get_busy (self))
    return;

  gtk_file_filter_set_name (xlsx, _("Excel Workbooks"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_add_mime_type (xlsx, XLSX_MIME_TYPE);

  native = gtk_file_chooser_native_new (_("Export the Report"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), xlsx);

  if (self->last_folder != NULL)
    folder = g_object_ref (self->last_folder);
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  name = tenure_report_exporter_suggest_name (tenure_workspace_get_month (workspace));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_object_set_data_full (G_OBJECT (native), "workspace", g_object_ref (workspace),
                          g_object_unref);
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Writes the report of @workspace's month and filter, in the language of the interface,
 * to @file; “finished” says when it is done. */
void
tenure_report_exporter_export_to (TenureReportExporter *self,
                                  TenureWorkspace      *workspace,
                                  GFile                *file)
{
  TenureReportOptions options;
  ProgressShared *shared;
  g_autofree char *path = NULL;

  g_return_if_fail (TENURE_IS_REPORT_EXPORTER (self));
  g_return_if_fail (TENURE_IS_WORKSPACE (workspace));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!tenure_report_exporter_get_busy (self));

  path = g_file_get_path (file);
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->last_folder);
  self->last_folder = g_file_get_parent (file);

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  set_busy (self, TRUE);

  if (path == NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, write_cb, g_object_ref (self));

      g_task_return_new_error (task, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_WRITE,
                               _("The report can only be saved to a folder of this computer"));
      return;
    }

  tenure_report_options_init (&options);
  options.month = tenure_workspace_get_month (workspace);
  options.language = tenure_report_language_from_locale ();
  tenure_filter_from_string (tenure_workspace_get_filter (workspace), &options.filter);

  shared = g_atomic_rc_box_new0 (ProgressShared);
  g_weak_ref_init (&shared->exporter, self);
  g_mutex_init (&shared->mutex);
  shared->cancellable = g_object_ref (self->cancellable);

  tenure_report_write_async (tenure_workspace_get_path (workspace), &options, path,
                             progress_cb, shared, progress_shared_unref,
                             self->cancellable, write_cb, g_object_ref (self));
}

/* Stops the export under way; the core leaves nothing behind. */
void
tenure_report_exporter_cancel (TenureReportExporter *self)
{
  g_return_if_fail (TENURE_IS_REPORT_EXPORTER (self));

  g_cancellable_cancel (self->cancellable);
}

/* How far the export under way has got, from 0 to 1. */
double
tenure_report_exporter_get_fraction (TenureReportExporter *self)
{
  g_return_val_if_fail (TENURE_IS_REPORT_EXPORTER (self), 0.0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}

gboolean
tenure_report_exporter_get_busy (TenureReportExporter *self)
{
  g_return_val_if_fail (TENURE_IS_REPORT_EXPORTER (self), FALSE);

  return self->cancellable != NULL;
}

AdwToastOverlay *
tenure_report_exporter_get_toast_overlay (TenureReportExporter *self)
{
  g_return_val_if_fail (TENURE_IS_REPORT_EXPORTER (self), NULL);

  return self->toast_overlay;
}

void
tenure_report_exporter_set_toast_overlay (TenureReportExporter *self,
                                          AdwToastOverlay      *overlay)
{
  g_autoptr(GSimpleActionGroup) group = NULL;

  g_return_if_fail (TENURE_IS_REPORT_EXPORTER (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));

  if (self->toast_overlay == overlay)
    return;

  if (self->toast_overlay != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->toast_overlay), "exporter", NULL);
  g_set_object (&self->toast_overlay, overlay);

  /* The toast's Open button looks its action up from the overlay. */
  if (overlay != NULL)
    {
      group = g_simple_action_group_new ();
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->open_action));
      gtk_widget_insert_action_group (GTK_WIDGET (overlay), "exporter", G_ACTION_GROUP (group));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOAST_OVERLAY]);
}
