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


@override_settings(
    AXES_FAILURE_LIMIT=3, AXES_ADDRESS_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1
)
class LockoutBehindAProxyTests(PeopleTestCase):
    """Every request reaches Django from nginx at 127.0.0.1."""

    def attempt(self, username, password, forwarded_for):
        return self.client.post(
            login_url(),
            {"username": username, "password": password, "next": "/admin/"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    def test_a_stranger_cannot_lock_an_editor_out(self):
        for _number in range(3):
            self.attempt("editor", "wrong-password", "203.0.113.9")
        self.assertEqual(
            self.attempt("editor", "wrong-password", "203.0.113.9").status_code, 429
        )

        response = self.attempt("editor", "editor-password-8472", "198.51.100.7")

        self.assertEqual(response.status_code, 302)

    def test_a_forged_header_gives_no_fresh_address(self):
        # nginx appends the address it saw to what the client sent.
        for number in range(3):
            self.attempt("editor", "wrong-password", f"10.0.0.{number}, 203.0.113.9")
        locked = self.attempt("editor", "wrong-password", "10.0.0.9, 203.0.113.9")
        self.assertEqual(locked.status_code, 429)

    def test_one_address_trying_many_accounts_is_throttled(self):
        for name in ("anna", "bo", "chen", "dong", "editor"):
            self.attempt(name, "wrong-password", "203.0.113.9")

        throttled = self.attempt("zadmin", "zadmin-password-8472", "203.0.113.9")
        elsewhere = self.attempt("zadmin", "zadmin-password-8472", "198.51.100.7")

        self.assertEqual(throttled.status_code, 429)
        self.assertEqual(elsewhere.status_code, 302)


@override_settings(AXES_FAILURE_LIMIT=3)
class LockoutWithoutAProxyTests(PeopleTestCase):
    def test_a_client_cannot_pick_its_address_with_a_header(self):
        for number in range(3):
            self.client.post(
                login_url(),
                {"username": "editor", "password": "wrong-password"},
                REMOTE_ADDR="203.0.113.9",
                HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
            )
        response = self.client.post(
            login_url(),
            {"username": "editor", "password": "editor-password-8472"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR="198.51.100.200",
        )
        self.assertEqual(response.status_code, 429)
