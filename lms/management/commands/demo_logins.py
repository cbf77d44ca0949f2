"""Print the demo accounts' sign-in details: password, and for staff the second factor."""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from lms.management.commands.seed_demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRETS


class Command(BaseCommand):
    help = "Print the demo logins, with the administrator's and officer's authenticator secrets."

    def handle(self, *args, **options):
        User = get_user_model()
        self.stdout.write(f"  Demo accounts (password: {DEMO_PASSWORD})")
        for email, role, *_rest in DEMO_ACCOUNTS:
            self.stdout.write(f"    {role:<17} {email}")
            if email in DEMO_TOTP_SECRETS:
                user = User.objects.filter(email=email).first()
                codes = Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).first()
                unused = RecoveryCodes(codes).get_unused_codes() if codes else []
                self.stdout.write(f"      second factor: add the key {DEMO_TOTP_SECRETS[email]} to an authenticator app")
                if unused:
                    self.stdout.write(f"      (or use the one-time recovery code {unused[0]})")
        self.stdout.write("  The trainer and the trainee sign in with the password alone.")
