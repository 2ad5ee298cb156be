/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Questions view's edit actions: add, move and delete questions and answers, the delete
 * dialog, and the questions file (import and export). */

#define G_LOG_DOMAIN "tenure-question-editor-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-qualification-page.h"
#include "tenure-question-editor-view-private.h"
#include "tenure-format.h"

void
_editor_view_move_question (TenureQuestionEditorView *self,
               gint64                    question_id,
               int                       position)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->editor == NULL || position < 0)
    return;

  self->selected_id = question_id;
  ok = tenure_question_editor_move_question (self->editor, question_id, position, &error);
  _editor_view_check_edit (self, ok, error);
}

/* A text not used yet by @texts: "New question", then "New question 2"… */
static char *
unique_text (const char *base,
             GPtrArray  *texts)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *text = n == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, n);
      gboolean used = FALSE;

      for (guint i = 0; i < texts->len && !used; i++)
        used = g_utf8_collate (g_ptr_array_index (texts, i), text) == 0;
      if (!used)
        return g_steal_pointer (&text);
    }
}

static void
add_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TenureQuestionEditorView *self = TENURE_QUESTION_EDITOR_VIEW (widget);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (self->editor == NULL)
    return;

  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    g_ptr_array_add (texts, ((TenureQuestion *) self->questions->pdata[i])->text);
  text = unique_text (_("New question"), texts);

  id = tenure_question_editor_add_question (self->editor, text, TENURE_QUESTION_SINGLE, &error);
  if (_editor_view_check_edit (self, id != 0, error))
    {
      tenure_question_editor_view_select (self, id);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
    }
}

static void
add_option_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TenureQuestionEditorView *self = TENURE_QUESTION_EDITOR_VIEW (widget);
  const TenureQuestion *question = _editor_view_find_question (self, self->selected_id);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (self->editor == NULL || question == NULL)
    return;

  for (guint i = 0; i < question->options->len; i++)
    g_ptr_array_add (texts, ((TenureOption *) question->options->pdata[i])->text);
  text = unique_text (_("New answer"), texts);

  /* The new answer goes last: its row is shown when the answers before it have rows, or
   * when a "Show More" would show it. */
  if (question->options->len >= self->options_shown &&
      question->options->len < self->options_shown + OPTION_ROWS_STEP)
    self->options_shown = question->options->len + 1;
  id = tenure_question_editor_add_option (self->editor, self->selected_id, text, 0, &error);
  if (!_editor_view_check_edit (self, id != 0, error))
    return;

  if (self->option_rows->len > 0 &&
      g_array_index (self->option_rows, OptionRow, self->option_rows->len - 1).id == id)
    gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->option_rows, OptionRow,
                                                      self->option_rows->len - 1).row));
  else
    {
      g_autofree char *position = tenure_format_count (self->options_total);
      g_autofree char *title = NULL;

      /* Translators: %s is the new answer's position, a number */
      title = g_strdup_printf (_("Answer added at the end, as answer %s"), position);
      tenure_qualification_page_show_toast (widget, title, TRUE);
    }
}

/* The next answers of the selected question get rows. */
static void
show_more_options_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TenureQuestionEditorView *self = TENURE_QUESTION_EDITOR_VIEW (widget);
  guint first_new = self->option_rows->len;

  self->options_shown += OPTION_ROWS_STEP;
  _editor_view_update_options (self);
  if (first_new < self->option_rows->len)
    gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->option_rows, OptionRow,
                                                      first_new).row));
}

static void
move_option_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TenureQuestionEditorView *self = TENURE_QUESTION_EDITOR_VIEW (widget);
  gint64 option_id = g_variant_get_int64 (parameter);
  int delta = g_str_equal (action_name, "editor.option-up") ? -1 : 1;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->option_rows->len; i++)
    if (g_array_index (self->option_rows, OptionRow, i).id == option_id)
      {
        gboolean ok;

        if ((int) i + delta < 0)
          return;
        ok = tenure_question_editor_move_option (self->editor, option_id, (int) i + delta,
                                                 &error);
        if (_editor_view_check_edit (self, ok, error) &&
            (int) i + delta < (int) self->option_rows->len)
          gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->option_rows, OptionRow,
                                                            i + delta).row));
        return;
      }
}

static void
delete_option_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TenureQuestionEditorView *self = TENURE_QUESTION_EDITOR_VIEW (widget);
  gint64 option_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 answers;
  gboolean ok;

  if (self->editor == NULL)
    return;

  answers = tenure_question_editor_count_option_answers (self->editor, option_id);
  ok = tenure_question_editor_delete_option (self->editor, option_id, &error);
  if (!_editor_view_check_edit (self, ok, error))
    return;

  if (answers > 0)
    {
      g_autofree char *count = tenure_format_count (answers);

      /* Translators: %s is a number of customers */
      title = g_strdup_printf (ngettext ("Answer deleted, with the choice of %s customer",
                                         "Answer deleted, with the choices of %s customers",
                                         (gulong) answers), count);
    }
  else
    title = g_strdup (_("Answer deleted"));
  tenure_qualification_page_show_toast (widget, title, TRUE);
}

/* Alt+Up and Alt+Down: the focused answer, else the selected question. */
static void
move_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TenureQuestionEditorView *self = TENURE_QUESTION_EDITOR_VIEW (widget);
  int delta = g_str_equal (action_name, "editor.move-up") ? -1 : 1;
  int index;

  for (guint i = 0; i < self->option_rows->len; i++)
    {
      OptionRow *row = &g_array_index (self->option_rows, OptionRow, i);

      if (_editor_view_has_focus_within (GTK_WIDGET (row->row)))
        {
          gtk_widget_activate_action (widget, delta < 0 ? "editor.option-up" : "editor.option-down",
                                      "x", row->id);
          return;
        }
    }

  index = _editor_view_find_question_index (self, self->selected_id);
  if (index < 0 || index + delta < 0 || index + delta >= (int) self->questions->len)
    return;
  if (!_editor_view_has_focus_within (GTK_WIDGET (self->question_list)))
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->question_list,
                                                                      index)));
  _editor_view_move_question (self, self->selected_id, index + delta);
}

static void
delete_question_response_cb (AdwMessageDialog         *dialog,
                             const char               *response,
                             TenureQuestionEditorView *self)
{
  gint64 question_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "question-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->editor == NULL)
    return;

  if (g_str_equal (response, "delete"))
    {
      ok = tenure_question_editor_delete_question (self->editor, question_id, &error);
      if (_editor_view_check_edit (self, ok, error))
        tenure_qualification_page_show_toast (GTK_WIDGET (self),
                                              _("Question and its answers deleted"), TRUE);
    }
  else if (g_str_equal (response, "stop"))
    {
      ok = tenure_question_editor_set_question_active (self->editor, question_id, FALSE, &error);
      if (_editor_view_check_edit (self, ok, error))
        tenure_qualification_page_show_toast (GTK_WIDGET (self),
                                              _("Question no longer asked; its answers are kept"),
                                              TRUE);
    }
}

static void
delete_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TenureQuestionEditorView *self = TENURE_QUESTION_EDITOR_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  AdwMessageDialog *dialog;
  gint64 answers;

  if (self->editor == NULL || self->selected_id == 0)
    return;

  answers = tenure_question_editor_count_question_answers (self->editor, self->selected_id);
  if (answers == 0)
    {
      if (_editor_view_check_edit (self, tenure_question_editor_delete_question (self->editor,
                                                                    self->selected_id, &error),
                      error))
        tenure_qualification_page_show_toast (widget, _("Question deleted"), TRUE);
      return;
    }

  count = tenure_format_count (answers);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Delete This Question?"), NULL));
  /* Translators: %s is a number of customers */
  adw_message_dialog_format_body (dialog,
                                  ngettext ("%s customer answered this question. Delete their "
                                            "answers too, or stop asking it (keeps the answers "
                                            "for the audit)?",
                                            "%s customers answered this question. Delete their "
                                            "answers too, or stop asking it (keeps the answers "
                                            "for the audit)?",
                                            (gulong) answers),
                                  count);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "stop", _("_Stop Asking It"),
                                    "delete", _("_Delete Answers Too"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "stop");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "question-id",
                     GSIZE_TO_POINTER ((gsize) self->selected_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_question_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (TenureQuestionEditorView *self,
                     int                       response,
                     GtkFileChooserNative     *chooser)
{
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                    GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || self->editor == NULL)
    return;

  path = g_file_get_path (file);
  if (saving)
    {
      gboolean ok = tenure_qualify_export (tenure_question_editor_get_db (self->editor), path,
                                           &error);

      if (_editor_view_check_edit (self, ok, error))
        tenure_qualification_page_show_toast (GTK_WIDGET (self), _("Questions exported"), FALSE);
    }
  else
    {
      guint added = 0;
      guint changed = 0;
      gboolean ok = tenure_question_editor_import (self->editor, path, &added, &changed, &error);

      if (_editor_view_check_edit (self, ok, error))
        {
          g_autofree char *questions = g_strdup_printf (ngettext ("%u question added",
                                                                  "%u questions added", added),
                                                        added);
          g_autofree char *options = g_strdup_printf (ngettext ("%u answer changed",
                                                                "%u answers changed", changed),
                                                      changed);
          /* Translators: "Imported: 2 questions added, 3 answers changed" */
          g_autofree char *title = g_strdup_printf (_("Imported: %s, %s"), questions, options);

          tenure_qualification_page_show_toast (GTK_WIDGET (self), title, added + changed > 0);
        }
    }
}

static void
choose_file (TenureQuestionEditorView *self,
             gboolean                  saving)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (saving ? _("Export Questions")
                                                      : _("Import Questions"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               saving ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                      : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               saving ? _("_Export") : _("_Import"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Questions (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  if (saving)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("questions.json"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (TENURE_QUESTION_EDITOR_VIEW (widget), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (TENURE_QUESTION_EDITOR_VIEW (widget), TRUE);
}

void
_editor_view_class_actions_init (TenureQuestionEditorViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "editor.add-question", NULL, add_question_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-question", NULL,
                                   delete_question_action);
  gtk_widget_class_install_action (widget_class, "editor.add-option", NULL, add_option_action);
  gtk_widget_class_install_action (widget_class, "editor.show-more-options", NULL,
                                   show_more_options_action);
  gtk_widget_class_install_action (widget_class, "editor.option-up", "x", move_option_action);
  gtk_widget_class_install_action (widget_class, "editor.option-down", "x", move_option_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-option", "x", delete_option_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_focused_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_focused_action);
  gtk_widget_class_install_action (widget_class, "editor.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "editor.move-down", NULL);
}
