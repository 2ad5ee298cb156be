/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lists a blank scenario and the core's templates; choosing one emits ::chosen and closes. */

#define G_LOG_DOMAIN "tenure-template-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-scenario.h"
#include "tenure-template-chooser.h"

struct _TenureTemplateChooser
{
  AdwWindow   parent_instance;

  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (TenureTemplateChooser, tenure_template_chooser, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
row_activated_cb (TenureTemplateChooser *self,
                  GtkListBoxRow         *row)
{
  tenure_template_chooser_choose (self, g_object_get_data (G_OBJECT (row), "template-id"));
}

static GtkWidget *
create_row (const char *id,
            const char *icon_name,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "template-id", g_strdup (id), g_free);

  return row;
}

static void
tenure_template_chooser_class_init (TenureTemplateChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * TenureTemplateChooser::chosen:
   * @template_id: (nullable): the template's id, NULL for a blank scenario
   */
  signals [CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tenure_template_chooser_init (TenureTemplateChooser *self)
{
  const TenureScenarioTemplate *templates;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  guint n = 0;

  gtk_window_set_title (GTK_WINDOW (self), _("New Scenario"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 440);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);

  gtk_box_append (GTK_BOX (box), header);

  intro = gtk_label_new (_("Start from a template built around a job your customers hire you "
                           "for, or from a blank scenario."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (content), intro);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  templates = tenure_scenario_get_templates (&n);
  for (guint i = 0; i < n; i++)
    {
      /* Translators: the number of steps of a template */
      g_autofree char *steps = g_strdup_printf (ngettext ("%u step", "%u steps",
                                                          templates[i].n_steps),
                                                templates[i].n_steps);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", _(templates[i].description),
                                                   steps);

      gtk_list_box_append (self->list_box,
                           create_row (templates[i].id, "media-playlist-consecutive-symbolic",
                                       _(templates[i].name), subtitle));
    }
  gtk_list_box_append (self->list_box,
                       create_row (NULL, "document-new-symbolic", _("Blank Scenario"),
                                   _("No steps yet: add them one by one")));
  g_signal_connect_swapped (self->list_box, "row-activated",
                            G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list_box));

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
tenure_template_chooser_new (GtkWindow *parent)
{
  return g_object_new (TENURE_TYPE_TEMPLATE_CHOOSER,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}

/* Does what activating the row of @template_id (NULL: blank) does: emits ::chosen and
 * closes the window. */
void
tenure_template_chooser_choose (TenureTemplateChooser *self,
                                const char            *template_id)
{
  g_return_if_fail (TENURE_IS_TEMPLATE_CHOOSER (self));

  g_object_ref (self);
  g_signal_emit (self, signals [CHOSEN], 0, template_id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

guint
tenure_template_chooser_get_n_choices (TenureTemplateChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (TENURE_IS_TEMPLATE_CHOOSER (self), 0);

  while (gtk_list_box_get_row_at_index (self->list_box, n) != NULL)
    n++;

  return n;
}
