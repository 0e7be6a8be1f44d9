"""The pages in a real headless Chromium (Debian's chromium + chromium-driver,
driven by python3-selenium). Each test saves a screenshot under the build folder."""
import json
import os
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service as DriverService
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from serve_fixture import OUT_DIR, Server, example

SHOTS = os.path.join(OUT_DIR, "screenshots")


def chromium(profile_dir):
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("SMSREG_CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile_dir):
        opts.add_argument(arg)
    service = DriverService(os.environ.get("SMSREG_CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=opts)


class Pages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(SHOTS, exist_ok=True)
        cls.server = Server().__enter__()
        cls.profile = os.path.join(OUT_DIR, "chromium-profile-%d" % os.getpid())
        cls.driver = chromium(cls.profile)
        cls.driver.set_page_load_timeout(30)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.stop()
        cls.server.__exit__(None, None, None)
        import shutil
        shutil.rmtree(cls.profile, ignore_errors=True)

    def wait(self, condition, timeout=15):
        return WebDriverWait(self.driver, timeout).until(condition)

    def shot(self, name):
        # The whole page: the viewport is stretched to the document's height.
        height = self.driver.execute_script("window.scrollTo(0, 0); return document.documentElement.scrollHeight")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1280, "height": min(max(height, 800), 12000), "deviceScaleFactor": 1, "mobile": False})
        path = os.path.join(SHOTS, name + ".png")
        self.driver.save_screenshot(path)
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return path

    def open_form(self):
        self.driver.get(self.server.url("/"))
        self.wait(lambda d: d.find_element(By.ID, "registration").get_attribute("data-ready") == "true")

    def set_field(self, part, name, value):
        el = self.driver.find_element(By.ID, "%s-%s" % (part, name))
        if isinstance(value, bool):
            if el.is_selected() != value:
                el.send_keys(Keys.SPACE)  # the keyboard, as a person would
            return
        if isinstance(value, list):
            for v in value:
                box = self.driver.find_element(By.ID, "%s-%s-%s" % (part, name, v))
                if not box.is_selected():
                    box.send_keys(Keys.SPACE)
            return
        if el.tag_name == "select":
            Select(el).select_by_value(value)
            return
        el.clear()
        if len(value) > 60:
            # Long texts are put in whole (typing 400 characters a key at a
            # time only slows the test); the cursor then goes to the field
            # so leaving it is a real blur.
            self.driver.execute_script("arguments[0].value = arguments[1];", el, value)
            el.send_keys(Keys.END)
        else:
            el.send_keys(value)

    def fill(self, doc):
        # entityType first: it decides which brand fields are shown.
        brand = dict(doc["brand"])
        self.set_field("brand", "entityType", brand.pop("entityType"))
        for part, fields in (("brand", brand), ("campaign", doc["campaign"])):
            for name, value in fields.items():
                if not self.driver.find_elements(By.ID, "%s-%s" % (part, name)):
                    continue  # not a form field (a typo key such as sampel2)
                if not isinstance(value, (str, bool, list)):
                    continue
                if isinstance(value, str) and self.driver.find_element(
                        By.ID, "%s-%s" % (part, name)).get_attribute("type") == "checkbox":
                    continue  # "true" as a string cannot be typed into a checkbox
                self.set_field(part, name, value)
        numbers = self.driver.find_element(By.ID, "phoneNumbers")
        numbers.clear()
        numbers.send_keys("\n".join(doc.get("phoneNumbers", [])))

    def check_all(self):
        # data-checked-all, not data-checked: a field's own check (scheduled on
        # blur while the form was filled) may land after `before` is read and
        # before the whole-form check answers.
        before = self.driver.find_element(By.ID, "registration").get_attribute("data-checked-all")
        self.driver.find_element(By.ID, "check").click()
        self.wait(lambda d: d.find_element(By.ID, "registration").get_attribute("data-checked-all") not in (None, before))

    def findings(self, field_id, severity="error"):
        # Read in one script: the page re-renders findings after every check,
        # and element handles taken one by one could go stale in between.
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);",
            "#%s-findings .finding.%s" % (field_id, severity))

    def test_1_valid_example_shows_verified_banner(self):
        self.open_form()
        self.fill(json.loads(example("registration-us.json")))
        self.check_all()
        banner = self.driver.find_element(By.ID, "banner")
        self.assertTrue(banner.is_displayed())
        self.assertEqual(banner.get_attribute("data-status"), "VERIFIED")
        self.assertIn("VERIFIED", banner.text)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, ".finding.error"), [])
        self.shot("form-verified")

    def test_2_broken_ein_and_phone_then_use_the_suggestion(self):
        self.open_form()
        doc = json.loads(example("registration-us.json"))
        doc["brand"]["ein"] = "07-4821907"
        doc["brand"]["phone"] = "(312) 547-8810"
        self.fill(doc)
        self.check_all()
        self.assertEqual(self.driver.find_element(By.ID, "banner").get_attribute("data-status"), "NOT_VERIFIED")
        ein_errors = self.findings("brand-ein")
        phone_errors = self.findings("brand-phone")
        self.assertTrue(any("07" in t for t in ein_errors), ein_errors)
        self.assertTrue(any("+13125478810" in t for t in phone_errors), phone_errors)
        phone = self.driver.find_element(By.ID, "brand-phone")
        self.assertEqual(phone.get_attribute("aria-invalid"), "true")
        self.assertIn("brand-phone-findings", phone.get_attribute("aria-describedby"))
        label = self.driver.find_element(By.CSS_SELECTOR, "label[for='brand-phone']")
        self.assertEqual(label.text, "Support phone number")
        self.shot("form-ein-phone-broken")
        # The one-click fix, used from the keyboard.
        button = self.driver.find_element(By.CSS_SELECTOR, "#brand-phone-findings .use-suggestion")
        button.send_keys(Keys.ENTER)
        self.wait(lambda d: self.findings("brand-phone") == [])
        self.assertEqual(phone.get_attribute("value"), "+13125478810")
        self.assertIsNone(phone.get_attribute("aria-invalid"))
        self.assertTrue(self.findings("brand-ein"))  # the EIN still needs a person
        self.shot("form-suggestion-used")

    def test_3_broken_example_every_finding_beside_its_field(self):
        self.open_form()
        doc = json.loads(example("registration-broken.json"))
        self.fill(doc)
        self.check_all()
        for field in ("brand-ein", "brand-phone", "brand-state", "campaign-description", "campaign-sample1",
                      "campaign-sample2", "campaign-helpMessage", "campaign-embeddedLink"):
            self.assertTrue(self.findings(field), field)
        for field in ("brand-email", "brand-website"):
            self.assertTrue(self.findings(field, "warning"), field)
            self.assertEqual(self.findings(field), [], field)  # a warning is not styled as an error
        self.assertEqual(self.driver.find_element(By.ID, "brand-email").get_attribute("aria-invalid"), None)
        self.shot("form-broken-example")
        summary = {}
        for wrapper in self.driver.find_elements(By.CSS_SELECTOR, ".field.has-error, .field.has-warning"):
            label = wrapper.find_elements(By.CSS_SELECTOR, "label, legend")[0].text
            summary[label] = [p.text for p in wrapper.find_elements(By.CSS_SELECTOR, ".finding")]
        with open(os.path.join(SHOTS, "form-broken-example.json"), "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)

    def test_4_entity_type_shows_and_hides_fields(self):
        self.open_form()
        ein = self.driver.find_element(By.ID, "wrap-brand-ein")
        first = self.driver.find_element(By.ID, "wrap-brand-firstName")
        self.set_field("brand", "entityType", "SOLE_PROPRIETOR")
        self.assertFalse(ein.is_displayed())
        self.assertTrue(first.is_displayed())
        self.set_field("brand", "entityType", "PUBLIC_PROFIT")
        self.assertTrue(ein.is_displayed())
        self.assertFalse(first.is_displayed())
        self.assertTrue(self.driver.find_element(By.ID, "wrap-brand-stockSymbol").is_displayed())
        self.shot("form-public-profit")

    def test_5_enablement_page_shows_the_diagnosis(self):
        self.driver.get(self.server.url("/enablement"))
        box = self.driver.find_element(By.ID, "input")
        self.driver.execute_script("arguments[0].value = arguments[1];", box,
                                   example("enablement-number-changed.json").decode())
        self.driver.find_element(By.ID, "diagnose").click()
        self.wait(lambda d: d.find_element(By.ID, "enablement-form").get_attribute("data-done") == "true")
        row = self.driver.find_element(By.CSS_SELECTOR, "#users tbody tr")
        text = row.text
        self.assertIn("u-204", text)
        self.assertIn("DISABLED", text)
        self.assertIn("PHONE_NUMBER_CHANGED", text)
        self.assertIn("RE_ENABLE_SMS", text)
        self.assertIn("No", row.find_element(By.CSS_SELECTOR, "td:nth-of-type(2)").text)
        self.shot("enablement-number-changed")

    def test_6_enablement_batch_filters_by_state_and_cause(self):
        one = json.loads(example("enablement-number-changed.json"))
        ok_user = json.loads(json.dumps(one["user"]))
        ok_user.update({"id": "u-ok", "phoneNumber": one["user"]["sms"]["number"]})
        ok_user["sms"]["state"] = "ENABLED"
        batch = {"asOf": one["asOf"], "account": one["account"],
                 "users": [{"user": one["user"], "events": one["events"]}, {"user": ok_user, "events": []}]}
        # This one is uploaded as a file: choosing it diagnoses it.
        upload = os.path.join(SHOTS, "enablement-batch-input.json")
        with open(upload, "w", encoding="utf-8") as f:
            json.dump(batch, f)
        self.driver.get(self.server.url("/enablement"))
        self.driver.find_element(By.ID, "file").send_keys(upload)
        self.wait(lambda d: d.find_element(By.ID, "enablement-form").get_attribute("data-done") == "true")
        visible = lambda: [r.text.split()[0] for r in self.driver.find_elements(By.CSS_SELECTOR, "#users tbody tr")
                           if r.is_displayed()]
        self.assertEqual(visible(), ["u-204", "u-ok"])
        Select(self.driver.find_element(By.ID, "filter-state")).select_by_value("ENABLED")
        self.assertEqual(visible(), ["u-ok"])
        Select(self.driver.find_element(By.ID, "filter-state")).select_by_value("")
        Select(self.driver.find_element(By.ID, "filter-cause")).select_by_value("PHONE_NUMBER_CHANGED")
        self.assertEqual(visible(), ["u-204"])
        counts = self.driver.find_element(By.ID, "by-state").text
        self.assertIn("DISABLED 1", counts)
        self.assertIn("ENABLED 1", counts)
        self.shot("enablement-batch-filtered")


if __name__ == "__main__":
    unittest.main()
