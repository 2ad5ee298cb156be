/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Questions view of the Qualification page: the question editor and the signup preview.
 *
 * Every change goes through the TenureQuestionEditor, which saves it at once and records it
 * for undo; its "changed" signal refreshes the view from the workspace. Widgets are updated
 * in place when the same options are shown, so a spin button is never destroyed while it
 * reports a new value. */

#define G_LOG_DOMAIN "tenure-question-editor-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-qualification-page.h"
#include "tenure-question-editor-view-private.h"
#include "tenure-signup-preview.h"
#include "tenure-format.h"

G_DEFINE_FINAL_TYPE (TenureQuestionEditorView, tenure_question_editor_view, ADW_TYPE_BIN)

const TenureQuestion *
_editor_view_find_question (TenureQuestionEditorView *self,
               gint64                    question_id)
{
  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    {
      const TenureQuestion *question = g_ptr_array_index (self->questions, i);

      if (question->id == question_id)
        return question;
    }

  return NULL;
}

int
_editor_view_find_question_index (TenureQuestionEditorView *self,
                     gint64                    question_id)
{
  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    if (((TenureQuestion *) g_ptr_array_index (self->questions, i))->id == question_id)
      return (int) i;

  return -1;
}

static void
show_error (TenureQuestionEditorView *self,
            const GError             *error)
{
  if (error == NULL)
    {
      gtk_widget_set_visible (self->error_box, FALSE);
      gtk_label_set_text (self->error_label, "");
      return;
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (self->error_box, TRUE);
}

/* Shows the outcome of an edit: its error inline, or nothing. */
gboolean
_editor_view_check_edit (TenureQuestionEditorView *self,
            gboolean                  ok,
            const GError             *error)
{
  show_error (self, ok ? NULL : error);
  return ok;
}

/* "Single choice · 4 answers · 312 customers answered" */
static char *
describe_question (const TenureQuestion *question)
{
  g_autofree char *n_answers = tenure_format_count (question->options->len);
  /* Translators: %s is a number of answers */
  g_autofree char *answers = g_strdup_printf (ngettext ("%s answer", "%s answers",
                                                        question->options->len),
                                              n_answers);
  g_autofree char *customers = NULL;
  const char *kind = question->kind == TENURE_QUESTION_MULTIPLE ? _("Multiple choice")
                                                                 : _("Single choice");

  if (question->answers == 0)
    customers = g_strdup (_("no customer answered yet"));
  else
    {
      g_autofree char *count = tenure_format_count (question->answers);

      /* Translators: %s is a number of customers */
      customers = g_strdup_printf (ngettext ("%s customer answered", "%s customers answered",
                                             (gulong) question->answers), count);
    }

  if (!question->active)
    /* Translators: type, number of answers, customers who answered, for a question no
     * longer asked */
    return g_strdup_printf (_("%s · %s · %s · not asked"), kind, answers, customers);

  /* Translators: type of question, number of answers, customers who answered */
  return g_strdup_printf (_("%s · %s · %s"), kind, answers, customers);
}

/* Drag and drop of questions: the row carries its question id. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "question-id"));
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, id);
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);

  return provider;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  TenureQuestionEditorView *self =
    TENURE_QUESTION_EDITOR_VIEW (gtk_widget_get_ancestor (row, TENURE_TYPE_QUESTION_EDITOR_VIEW));

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  _editor_view_move_question (self, g_value_get_int64 (value),
                 gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  return TRUE;
}

static GtkWidget *
create_question_row (const TenureQuestion *question)
{
  g_autofree char *subtitle = describe_question (question);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (handle, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);
  if (!question->active)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data (G_OBJECT (row), "question-id", GSIZE_TO_POINTER ((gsize) question->id));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

static void option_text_apply_cb   (TenureQuestionEditorView *self,
                                    AdwEntryRow              *row);
static void option_points_cb       (TenureQuestionEditorView *self,
                                    GtkSpinButton            *spin);

static void
option_button_clicked_cb (GtkButton *button)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (button),
                                      g_object_get_data (G_OBJECT (button), "action"),
                                      g_object_get_data (G_OBJECT (button), "target"));
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  const char *text)
{
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The tooltip @text (a translation, which outlives the widget), also @widget's accessible
 * label when @label: given when asked for rather than with gtk_widget_set_tooltip_text (),
 * which on X11 asks the X server where the pointer is, a round trip for each of the many
 * widgets of the answers' rows. */
static void
set_row_tooltip (GtkWidget  *widget,
                 const char *text,
                 gboolean    label)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), (gpointer) text);
  if (label)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    text, -1);
}

static OptionRow
create_option_row (TenureQuestionEditorView *self,
                   const TenureQuestion     *question,
                   guint                     index)
{
  const TenureOption *option = g_ptr_array_index (question->options, index);
  g_autofree char *title = g_strdup_printf (_("Answer %u"), index + 1);
  g_autofree char *points_label = g_strdup_printf (_("Points of “%s”"), option->text);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (TENURE_QUALIFY_POINTS_MIN,
                                                    TENURE_QUALIFY_POINTS_MAX, 1);
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GVariant *target = g_variant_new_int64 (option->id);
  OptionRow option_row = { option->id, ADW_ENTRY_ROW (row), GTK_SPIN_BUTTON (spin) };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), option->text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "option-id", GSIZE_TO_POINTER ((gsize) option->id));
  g_signal_connect_object (row, "apply", G_CALLBACK (option_text_apply_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), option->points);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  set_row_tooltip (spin, _("Points this answer adds to the qualification score"), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  points_label, -1);
  g_object_set_data (G_OBJECT (spin), "option-id", GSIZE_TO_POINTER ((gsize) option->id));
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (option_points_cb), self,
                           G_CONNECT_SWAPPED);

  set_row_tooltip (up, _("Move Up"), TRUE);
  set_row_tooltip (down, _("Move Down"), TRUE);
  set_row_tooltip (remove, _("Delete Answer"), TRUE);
  /* Clicked rather than actionable: the first and last rows' arrows stay insensitive. */
  g_object_set_data (G_OBJECT (up), "action", (gpointer) "editor.option-up");
  g_object_set_data (G_OBJECT (down), "action", (gpointer) "editor.option-down");
  g_object_set_data (G_OBJECT (remove), "action", (gpointer) "editor.delete-option");
  for (GtkWidget *button = up; button != NULL;
       button = button == up ? down : button == down ? remove : NULL)
    {
      g_object_set_data_full (G_OBJECT (button), "target", g_variant_ref_sink (target),
                              (GDestroyNotify) g_variant_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (option_button_clicked_cb), NULL);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
    }
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < question->options->len);

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), spin);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  return option_row;
}

gboolean
_editor_view_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* How many of @question's answers have rows. */
static guint
n_option_rows (TenureQuestionEditorView *self,
               const TenureQuestion     *question)
{
  return question != NULL ? MIN (question->options->len, self->options_shown) : 0;
}

/* Whether the rows show @question's answers, as many as they are (or, with @prefix, its
 * first answers: "Show More" then only adds rows). */
static gboolean
same_options (TenureQuestionEditorView *self,
              const TenureQuestion     *question,
              gboolean                  prefix)
{
  if (question == NULL || self->options_total != question->options->len ||
      (prefix ? self->option_rows->len > n_option_rows (self, question)
              : self->option_rows->len != n_option_rows (self, question)))
    return FALSE;

  for (guint i = 0; i < self->option_rows->len; i++)
    if (g_array_index (self->option_rows, OptionRow, i).id !=
        ((TenureOption *) g_ptr_array_index (question->options, i))->id)
      return FALSE;

  return TRUE;
}

/* "50 of 10,000 answers shown", and a button for the next ones. */
static GtkWidget *
create_more_row (guint shown,
                 guint total)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Show _More"));
  g_autofree char *shown_text = tenure_format_count (shown);
  g_autofree char *total_text = tenure_format_count (total);
  g_autofree char *title = NULL;

  /* Translators: answers of a question with rows in the editor, out of all of them */
  title = g_strdup_printf (ngettext ("%s of %s answer shown", "%s of %s answers shown", total),
                           shown_text, total_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.show-more-options");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_options (TenureQuestionEditorView *self,
                const TenureQuestion     *question)
{
  GtkWidget *child;
  guint n_rows;

  /* Another question starts with its first answers. */
  if (question == NULL || question->id != self->options_question)
    {
      self->options_question = question != NULL ? question->id : 0;
      self->options_shown = OPTION_ROWS_STEP;
    }
  n_rows = n_option_rows (self, question);

  if (same_options (self, question, TRUE))
    {
      for (guint i = 0; i < self->option_rows->len; i++)
        {
          const TenureOption *option = g_ptr_array_index (question->options, i);
          OptionRow *row = &g_array_index (self->option_rows, OptionRow, i);

          if (!_editor_view_has_focus_within (GTK_WIDGET (row->row)) &&
              g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->row)), option->text) != 0)
            gtk_editable_set_text (GTK_EDITABLE (row->row), option->text);
          if ((int) gtk_spin_button_get_value (row->spin) != option->points)
            gtk_spin_button_set_value (row->spin, option->points);
        }
      if (self->option_rows->len == n_rows)
        return;
      /* More rows for the same answers: only those are built. */
      if (self->more_row != NULL)
        gtk_list_box_remove (self->options_list, self->more_row);
    }
  else
    {
      g_array_set_size (self->option_rows, 0);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options_list))) != NULL)
        gtk_list_box_remove (self->options_list, child);
    }
  self->more_row = NULL;

  for (guint i = self->option_rows->len; i < n_rows; i++)
    {
      OptionRow row = create_option_row (self, question, i);

      g_array_append_val (self->option_rows, row);
      gtk_list_box_append (self->options_list, GTK_WIDGET (row.row));
    }
  self->options_total = question != NULL ? question->options->len : 0;
  if (n_rows < self->options_total)
    {
      self->more_row = create_more_row (n_rows, self->options_total);
      gtk_list_box_append (self->options_list, self->more_row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->options_list), self->option_rows->len > 0);
}

/* The selected question's answers again, as many as may have rows. */
void
_editor_view_update_options (TenureQuestionEditorView *self)
{
  self->updating++;
  update_options (self, _editor_view_find_question (self, self->selected_id));
  self->updating--;
}

static void
update_detail (TenureQuestionEditorView *self)
{
  const TenureQuestion *question = _editor_view_find_question (self, self->selected_id);

  gtk_widget_set_visible (self->question_group, question != NULL);
  gtk_widget_set_visible (self->options_group, question != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-question",
                                 question != NULL && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-option",
                                 question != NULL && !self->read_only);
  gtk_widget_set_sensitive (self->question_group, !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_list), !self->read_only);

  if (question != NULL)
    {
      if (!_editor_view_has_focus_within (GTK_WIDGET (self->text_row)) ||
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->text_row)), question->text) == 0)
        gtk_editable_set_text (GTK_EDITABLE (self->text_row), question->text);
      adw_combo_row_set_selected (self->kind_row, question->kind == TENURE_QUESTION_MULTIPLE);
      gtk_switch_set_active (self->active_switch, question->active);
    }
  update_options (self, question);

  tenure_signup_preview_set_questions (self->side_preview, self->questions, self->selected_id);
  tenure_signup_preview_set_questions (self->inline_preview, self->questions, self->selected_id);
  if (question != NULL)
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->text_row));

      tenure_signup_preview_set_live_text (self->side_preview, question->id, typed);
      tenure_signup_preview_set_live_text (self->inline_preview, question->id, typed);
    }
}

static void
update_question_list (TenureQuestionEditorView *self)
{
  GtkWidget *child;
  int selected = _editor_view_find_question_index (self, self->selected_id);
  gboolean had_focus = _editor_view_has_focus_within (GTK_WIDGET (self->question_list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->question_list))) != NULL)
    gtk_list_box_remove (self->question_list, child);

  for (guint i = 0; i < self->questions->len; i++)
    gtk_list_box_append (self->question_list,
                         create_question_row (g_ptr_array_index (self->questions, i)));

  if (selected >= 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->question_list, selected);

      gtk_list_box_select_row (self->question_list, row);
      if (had_focus)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void show_questions (TenureQuestionEditorView *self,
                            GPtrArray                *questions);

/* Reads the questions again and shows them, keeping the selection when it still exists. */
void
tenure_question_editor_view_refresh (TenureQuestionEditorView *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *questions;

  g_return_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self));

  if (self->editor == NULL)
    return;

  questions = tenure_qualify_list_questions (tenure_question_editor_get_db (self->editor), &error);
  if (questions == NULL)
    {
      show_error (self, error);
      return;
    }

  show_questions (self, questions);
}

/* Shows @questions (taking them), keeping the selection when it still exists. */
static void
show_questions (TenureQuestionEditorView *self,
                GPtrArray                *questions)
{
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  self->questions = questions;

  /* A workspace opened read-only (another program writes it, or the file is locked):
   * the questions are shown, not edited. */
  self->read_only = tenure_db_is_read_only (tenure_question_editor_get_db (self->editor));
  gtk_widget_set_visible (self->read_only_label, self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-question", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.import", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-up", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-down", !self->read_only);
  if (_editor_view_find_question (self, self->selected_id) == NULL)
    self->selected_id = questions->len > 0 ? ((TenureQuestion *) questions->pdata[0])->id : 0;

  self->updating++;
  update_question_list (self);
  update_detail (self);
  self->updating--;

  gtk_stack_set_visible_child_name (self->stack, questions->len > 0 ? "editor" : "empty");
}

static void
editor_changed_cb (TenureQuestionEditorView *self)
{
  tenure_question_editor_view_refresh (self);
}

static void
question_selected_cb (TenureQuestionEditorView *self,
                      GtkListBoxRow            *row)
{
  if (self->updating > 0 || row == NULL)
    return;

  self->selected_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "question-id"));
  show_error (self, NULL);
  self->updating++;
  update_detail (self);
  self->updating--;
}

static void
question_activated_cb (TenureQuestionEditorView *self,
                       GtkListBoxRow            *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
}

static void
text_changed_cb (TenureQuestionEditorView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));

  if (self->updating > 0 || self->selected_id == 0)
    return;

  tenure_signup_preview_set_live_text (self->side_preview, self->selected_id, text);
  tenure_signup_preview_set_live_text (self->inline_preview, self->selected_id, text);
}

static void
text_apply_cb (TenureQuestionEditorView *self)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  gboolean ok;

  if (self->updating > 0 || self->editor == NULL || self->selected_id == 0)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));
  ok = tenure_question_editor_set_question_text (self->editor, self->selected_id, text, &error);
  _editor_view_check_edit (self, ok, error);
}

static void
kind_selected_cb (TenureQuestionEditorView *self)
{
  g_autoptr(GError) error = NULL;
  TenureQuestionKind kind;
  gboolean ok;

  if (self->updating > 0 || self->editor == NULL || self->selected_id == 0)
    return;

  kind = adw_combo_row_get_selected (self->kind_row) == 1 ? TENURE_QUESTION_MULTIPLE
                                                          : TENURE_QUESTION_SINGLE;
  ok = tenure_question_editor_set_question_kind (self->editor, self->selected_id, kind, &error);
  _editor_view_check_edit (self, ok, error);
}

static void
active_notify_cb (TenureQuestionEditorView *self)
{
  gboolean active = gtk_switch_get_active (self->active_switch);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating > 0 || self->editor == NULL || self->selected_id == 0)
    return;

  ok = tenure_question_editor_set_question_active (self->editor, self->selected_id, active,
                                                   &error);
  if (!_editor_view_check_edit (self, ok, error))
    {
      /* The switch goes back: the question is still as it was. */
      self->updating++;
      gtk_switch_set_active (self->active_switch, !active);
      self->updating--;
    }
}

static void
option_text_apply_cb (TenureQuestionEditorView *self,
                      AdwEntryRow              *row)
{
  gint64 option_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "option-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating > 0 || self->editor == NULL)
    return;

  ok = tenure_question_editor_set_option_text (self->editor, option_id,
                                               gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  _editor_view_check_edit (self, ok, error);
}

static void
option_points_cb (TenureQuestionEditorView *self,
                  GtkSpinButton            *spin)
{
  gint64 option_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (spin), "option-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating > 0 || self->editor == NULL)
    return;

  ok = tenure_question_editor_set_option_points (self->editor, option_id,
                                                 gtk_spin_button_get_value_as_int (spin), &error);
  if (!_editor_view_check_edit (self, ok, error))
    {
      /* Refused (the workspace is locked, say): the button shows the saved points again,
       * beside the message, rather than a value that is not in the workspace. */
      const TenureQuestion *question = _editor_view_find_question (self,
                                                                   self->options_question);

      for (guint i = 0; question != NULL && i < question->options->len; i++)
        {
          const TenureOption *option = g_ptr_array_index (question->options, i);

          if (option->id == option_id)
            {
              self->updating++;
              gtk_spin_button_set_value (spin, option->points);
              self->updating--;
            }
        }
    }
}

static void
tenure_question_editor_view_dispose (GObject *object)
{
  TenureQuestionEditorView *self = TENURE_QUESTION_EDITOR_VIEW (object);

  tenure_question_editor_view_set_editor (self, NULL, NULL);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_QUESTION_EDITOR_VIEW);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->option_rows, g_array_unref);

  G_OBJECT_CLASS (tenure_question_editor_view_parent_class)->dispose (object);
}

static void
tenure_question_editor_view_class_init (TenureQuestionEditorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_question_editor_view_dispose;

  g_type_ensure (TENURE_TYPE_SIGNUP_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/tenure-question-editor-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, active_switch);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, error_box);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, error_label);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, inline_preview);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, options_group);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, options_list);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, question_group);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, question_list);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, side_preview);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureQuestionEditorView, text_row);
  gtk_widget_class_bind_template_callback (widget_class, active_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);

  _editor_view_class_actions_init (klass);
}

static void
tenure_question_editor_view_init (TenureQuestionEditorView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->option_rows = g_array_new (FALSE, FALSE, sizeof (OptionRow));
}

TenureQuestionEditor *
tenure_question_editor_view_get_editor (TenureQuestionEditorView *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self), NULL);

  return self->editor;
}

/* Edits the questions through @editor, and shows them again whenever it changes them.
 * @questions: (nullable): the questions, read in a worker with their answer counts; NULL
 *   to read them now */
void
tenure_question_editor_view_set_editor (TenureQuestionEditorView *self,
                                        TenureQuestionEditor     *editor,
                                        GPtrArray                *questions)
{
  g_return_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self));
  g_return_if_fail (editor == NULL || TENURE_IS_QUESTION_EDITOR (editor));

  if (self->editor == editor)
    return;

  if (self->editor != NULL)
    g_clear_signal_handler (&self->changed_handler, self->editor);
  g_set_object (&self->editor, editor);
  self->selected_id = 0;
  show_error (self, NULL);

  if (editor != NULL)
    {
      self->changed_handler = g_signal_connect_object (editor, "changed",
                                                       G_CALLBACK (editor_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      /* Counting the answers takes a while in a large workspace: better in a worker. */
      if (questions != NULL)
        show_questions (self, g_ptr_array_ref (questions));
      else
        tenure_question_editor_view_refresh (self);
    }
}

/* The questions shown (#TenureQuestion, by position). */
GPtrArray *
tenure_question_editor_view_get_questions (TenureQuestionEditorView *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self), NULL);

  return self->questions;
}

gint64
tenure_question_editor_view_get_selected (TenureQuestionEditorView *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self), 0);

  return self->selected_id;
}

void
tenure_question_editor_view_select (TenureQuestionEditorView *self,
                                    gint64                    question_id)
{
  int index;

  g_return_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self));

  index = _editor_view_find_question_index (self, question_id);
  if (index >= 0)
    gtk_list_box_select_row (self->question_list,
                             gtk_list_box_get_row_at_index (self->question_list, index));
}

/* The spin button of @option_id's points, when its question is selected. */
GtkSpinButton *
tenure_question_editor_view_get_points_button (TenureQuestionEditorView *self,
                                               gint64                    option_id)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self), NULL);

  for (guint i = 0; i < self->option_rows->len; i++)
    if (g_array_index (self->option_rows, OptionRow, i).id == option_id)
      return g_array_index (self->option_rows, OptionRow, i).spin;

  return NULL;
}

/* The preview on screen: beside the editor, or under it in a narrow window. */
GtkWidget *
tenure_question_editor_view_get_preview (TenureQuestionEditorView *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self), NULL);

  if (adw_leaflet_get_folded (self->leaflet))
    return GTK_WIDGET (self->inline_preview);

  return GTK_WIDGET (self->side_preview);
}

/* The validation message shown, or NULL. */
const char *
tenure_question_editor_view_get_error (TenureQuestionEditorView *self)
{
  g_return_val_if_fail (TENURE_IS_QUESTION_EDITOR_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->error_box))
    return NULL;

  return gtk_label_get_text (self->error_label);
}
