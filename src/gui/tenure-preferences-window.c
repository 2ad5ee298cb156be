/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the GSettings of Tenure (the style for now) and changes them as the user picks. */

#define G_LOG_DOMAIN "tenure-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-preferences-window.h"

struct _TenurePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (TenurePreferencesWindow, tenure_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the style combo, in order. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (scheme, color_schemes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static void
tenure_preferences_window_dispose (GObject *object)
{
  TenurePreferencesWindow *self = (TenurePreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TENURE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tenure_preferences_window_parent_class)->dispose (object);
}

static void
tenure_preferences_window_class_init (TenurePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenurePreferencesWindow, style_row);
}

static void
tenure_preferences_window_init (TenurePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
}

GtkWidget *
tenure_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (TENURE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
