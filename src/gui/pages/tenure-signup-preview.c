/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signup form as a customer sees it: the questions asked, with radio or check buttons.
 *
 * The form is a picture of the web page, not a form to fill: its buttons take neither
 * clicks nor the keyboard focus. The question being edited shows its text as typed. */

#define G_LOG_DOMAIN "tenure-signup-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-format.h"
#include "tenure-qualify.h"
#include "tenure-signup-preview.h"

struct _TenureSignupPreview
{
  AdwBin      parent_instance;

  GtkBox     *questions_box;
  GtkLabel   *empty_label;

  GHashTable *labels;   /* question id (gint64 *) → GtkLabel of its text */
};

G_DEFINE_FINAL_TYPE (TenureSignupPreview, tenure_signup_preview, ADW_TYPE_BIN)

/* The answers of a question shown before "and N more": a form with thousands of answers
 * is shown as its beginning (building them all would freeze the window). */
#define MAX_SHOWN_OPTIONS 20

static GtkWidget *
create_question (TenureSignupPreview  *self,
                 const TenureQuestion *question,
                 guint                 number)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (question->text);
  GtkCheckButton *group = NULL;
  gint64 *key = g_new (gint64, 1);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "signup-question");
  gtk_box_append (GTK_BOX (box), label);
  *key = question->id;
  g_hash_table_insert (self->labels, key, label);

  if (!question->active)
    {
      GtkWidget *note = gtk_label_new (_("Not asked yet: switch on “Ask at signup” to add it "
                                         "to the form"));

      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
      gtk_widget_add_css_class (box, "signup-inactive");
    }
  else if (question->kind == TENURE_QUESTION_MULTIPLE)
    {
      GtkWidget *hint = gtk_label_new (_("Choose all that apply"));

      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "caption");
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (box), hint);
    }

  for (guint i = 0; i < question->options->len && i < MAX_SHOWN_OPTIONS; i++)
    {
      const TenureOption *option = g_ptr_array_index (question->options, i);
      GtkWidget *check = gtk_check_button_new_with_label (option->text);

      if (question->kind == TENURE_QUESTION_SINGLE)
        {
          if (group == NULL)
            group = GTK_CHECK_BUTTON (check);
          else
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
        }
      gtk_widget_set_focusable (check, FALSE);
      /* A radio group takes Tab even when not focusable, and keeps it: out of the chain. */
      gtk_widget_set_can_focus (check, FALSE);
      gtk_widget_set_can_target (check, FALSE);
      gtk_box_append (GTK_BOX (box), check);
    }
  if (question->options->len > MAX_SHOWN_OPTIONS)
    {
      guint more = question->options->len - MAX_SHOWN_OPTIONS;
      g_autofree char *count = tenure_format_count (more);
      g_autofree char *text = NULL;
      GtkWidget *note;

      /* Translators: %s is a number of answers not shown in the preview */
      text = g_strdup_printf (ngettext ("… and %s more answer", "… and %s more answers", more),
                              count);
      note = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
    }

  if (number > 0)
    gtk_widget_set_margin_top (box, 12);

  return box;
}

static void
tenure_signup_preview_dispose (GObject *object)
{
  TenureSignupPreview *self = TENURE_SIGNUP_PREVIEW (object);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_SIGNUP_PREVIEW);
  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (tenure_signup_preview_parent_class)->dispose (object);
}

static void
tenure_signup_preview_class_init (TenureSignupPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_signup_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-signup-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureSignupPreview, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TenureSignupPreview, questions_box);
}

static void
tenure_signup_preview_init (TenureSignupPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

GtkWidget *
tenure_signup_preview_new (void)
{
  return g_object_new (TENURE_TYPE_SIGNUP_PREVIEW, NULL);
}

/* Shows the questions asked at signup (#TenureQuestion, by position), and @selected_id
 * too when it is not asked yet (0: none). */
void
tenure_signup_preview_set_questions (TenureSignupPreview *self,
                                     GPtrArray           *questions,
                                     gint64               selected_id)
{
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (TENURE_IS_SIGNUP_PREVIEW (self));

  g_hash_table_remove_all (self->labels);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);

  for (guint i = 0; questions != NULL && i < questions->len; i++)
    {
      const TenureQuestion *question = g_ptr_array_index (questions, i);

      if (!question->active && question->id != selected_id)
        continue;
      gtk_box_append (self->questions_box, create_question (self, question, shown));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), shown == 0);
}

/* Shows @text as the text of @question_id while it is typed, before it is saved. */
void
tenure_signup_preview_set_live_text (TenureSignupPreview *self,
                                     gint64               question_id,
                                     const char          *text)
{
  GtkLabel *label;

  g_return_if_fail (TENURE_IS_SIGNUP_PREVIEW (self));

  label = g_hash_table_lookup (self->labels, &question_id);
  if (label != NULL)
    gtk_label_set_text (label, text);
}

/* The text shown for @question_id, or NULL when the form does not show it. */
const char *
tenure_signup_preview_get_text (TenureSignupPreview *self,
                                gint64               question_id)
{
  GtkLabel *label;

  g_return_val_if_fail (TENURE_IS_SIGNUP_PREVIEW (self), NULL);

  label = g_hash_table_lookup (self->labels, &question_id);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}
