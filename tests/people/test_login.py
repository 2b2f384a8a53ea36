"""Brute-force protection on the admin sign-in (django-axes)."""

from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests.people.helpers import PeopleTestCase


def login_url(language="zh-hans"):
    with translation.override(language):
        return reverse("admin:login")


@override_settings(AXES_FAILURE_LIMIT=3)
class LoginLockoutTests(PeopleTestCase):
    def attempt(self, username, password, language="zh-hans"):
        return self.client.post(
            login_url(language),
            {"username": username, "password": password, "next": "/admin/"},
        )

    def test_repeated_failures_lock_the_account_out(self):
        for _number in range(2):
            response = self.attempt("editor", "wrong-password")
            self.assertEqual(response.status_code, 200)
            self.assertTrue(response.context["form"].errors)

        locked = self.attempt("editor", "wrong-password", language="en")

        self.assertEqual(locked.status_code, 429)
        self.assertContains(locked, 'class="lockout"', status_code=429)
        self.assertContains(locked, "Sign-in locked", status_code=429)
        self.assertContains(locked, "15 minutes", status_code=429)
        # Even the right password is refused until the wait is over.
        right = self.attempt("editor", "editor-password-8472")
        self.assertEqual(right.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_another_account_from_the_same_address_still_signs_in(self):
        for _number in range(3):
            self.attempt("editor", "wrong-password")

        response = self.attempt("zadmin", "zadmin-password-8472")

        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.zadmin.pk))

    def test_a_success_clears_earlier_failures(self):
        self.attempt("editor", "wrong-password")
        self.attempt("editor", "wrong-password")
        self.assertEqual(
            self.attempt("editor", "editor-password-8472").status_code, 302
        )
        self.client.logout()

        self.attempt("editor", "wrong-password")
        response = self.attempt("editor", "editor-password-8472")

        self.assertEqual(response.status_code, 302)

    @override_settings(AXES_ENABLED=False)
    def test_switching_axes_off_leaves_plain_sign_in(self):
        for _number in range(4):
            self.attempt("editor", "wrong-password")

        self.assertEqual(
            self.attempt("editor", "editor-password-8472").status_code, 302
        )
