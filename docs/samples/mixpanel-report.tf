# Made by Okta Onboarding Wizard from what http://127.0.0.1:38865 held at 2026-11-27T16:08:51.072Z.
# Every object below already exists: the import blocks adopt them, so the first `terraform plan`
# shows imports and no change. No secret is written here: give the provider its API token
# through OKTA_API_TOKEN (or its OAuth key through the OKTA_* variables).
terraform {
  required_version = ">= 1.7.0"
  required_providers {
    okta = {
      source  = "okta/okta"
      version = "~> 6.12"
    }
  }
}

# http://127.0.0.1:38865 is not an address in an Okta cloud domain (a practice org):
# set org_name and base_url (or OKTA_ORG_NAME and OKTA_BASE_URL) for the real org.
provider "okta" {}

# Mixpanel: Mixpanel for the client "Acme (sandbox)".
resource "okta_app_saml" "mixpanel" {
  preconfigured_app = "mixpanel"
  label             = "Mixpanel"
  status            = "ACTIVE"
}

import {
  to = okta_app_saml.mixpanel
  id = "0oaRoKMVZOj8BUrXZDt7"
}

# 00gTmPqf6lNoYECSzbI8: Engineering
resource "okta_app_group_assignments" "mixpanel_groups" {
  app_id = okta_app_saml.mixpanel.id
  group {
    id       = "00gTmPqf6lNoYECSzbI8"
    priority = 0
  }
}

import {
  to = okta_app_group_assignments.mixpanel_groups
  id = "0oaRoKMVZOj8BUrXZDt7"
}

resource "okta_app_features" "mixpanel_provisioning" {
  app_id = okta_app_saml.mixpanel.id
  name   = "USER_PROVISIONING"
  status = "ENABLED"
  capabilities {
    create {
      lifecycle_create {
        status = "ENABLED"
      }
    }
    update {
      lifecycle_deactivate {
        status = "ENABLED"
      }
      password {
        change = "KEEP_EXISTING"
        seed   = "RANDOM"
        status = "DISABLED"
      }
      profile {
        status = "ENABLED"
      }
    }
  }
}

import {
  to = okta_app_features.mixpanel_provisioning
  id = "0oaRoKMVZOj8BUrXZDt7/USER_PROVISIONING"
}
