import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { chooseLanguage, languageChoice, LANGUAGES, systemLanguage, type LanguageChoice } from "./index";
import { languageName } from "./format";

/** The device's language: the system's, or one chosen here (each named in its own language). */
export function LanguagePicker() {
  const { t } = useTranslation("common");
  const id = useId();
  const [choice, setChoice] = useState<LanguageChoice>(languageChoice);
  const onChange = (value: LanguageChoice) => {
    setChoice(value);
    void chooseLanguage(value);
  };
  return (
    <p className="language-picker">
      <label htmlFor={id}>{t("language.label")}</label>{" "}
      <select id={id} value={choice} onChange={(e) => onChange(e.target.value as LanguageChoice)}>
        <option value="system">{t("language.system", { name: languageName(systemLanguage()) })}</option>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {languageName(lang)}
          </option>
        ))}
      </select>
      <br />
      <span className="muted">{t("language.hint")}</span>
    </p>
  );
}
