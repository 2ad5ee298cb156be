/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions: open, import, export, and whether each can run now. */

#define G_LOG_DOMAIN "tenure-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-window-private.h"

static void
open_response_cb (TenureWindow         *self,
                  int                   response,
                  GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        tenure_window_open_or_present (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TenureWindow *self = TENURE_WINDOW (widget);
  g_autoptr(GtkFileFilter) workspaces = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (workspaces, _("Tenure Workspaces"));
  gtk_file_filter_add_pattern (workspaces, "*.tenure");

  native = gtk_file_chooser_native_new (_("Open a Workspace"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), workspaces);

  if (self->workspace != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (tenure_workspace_get_file (self->workspace));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
imported_cb (TenureWindow          *self,
             TenureImportAssistant *assistant)
{
  g_autoptr(GFile) file = g_file_new_for_path (tenure_import_assistant_get_workspace (assistant));

  /* Opened again: the pages reload and the month range covers the new data. */
  tenure_window_open_file (self, file);
}

/**
 * tenure_window_import:
 * @file: (nullable): a CSV file to check at once, or %NULL to choose one
 *
 * Shows the import assistant over the window, into the open workspace; without one, the
 * assistant asks where to create a workspace, which then opens.
 */
TenureImportAssistant *
tenure_window_import (TenureWindow *self,
                      GFile        *file)
{
  TenureImportAssistant *assistant;

  g_return_val_if_fail (TENURE_IS_WINDOW (self), NULL);

  assistant = tenure_import_assistant_new (GTK_WINDOW (self),
                                           self->workspace != NULL
                                           ? tenure_workspace_get_path (self->workspace)
                                           : NULL);
  g_signal_connect_object (assistant, "imported", G_CALLBACK (imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
  if (file != NULL)
    tenure_import_assistant_set_file (assistant, file);

  return assistant;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  tenure_window_import (TENURE_WINDOW (widget), NULL);
}

/* Opens the workspace again after a change made outside the pages (an import removed). */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TenureWindow *self = TENURE_WINDOW (widget);

  if (self->workspace != NULL)
    tenure_window_open_file (self, tenure_workspace_get_file (self->workspace));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TenureWindow *self = TENURE_WINDOW (widget);

  tenure_report_exporter_choose (self->exporter, self->workspace);
}

void
_tenure_window_class_actions_init (TenureWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}

void
_tenure_window_update_actions (TenureWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 self->workspace == NULL ||
                                 !tenure_workspace_get_read_only (self->workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 self->workspace != NULL &&
                                 !tenure_report_exporter_get_busy (self->exporter));
}
