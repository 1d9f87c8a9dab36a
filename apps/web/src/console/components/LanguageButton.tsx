import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { otherLanguage } from '../../i18n/index.ts';

/** Switches between Chinese and English; the choice is remembered on this device. */
export function LanguageButton() {
  const { t, i18n } = useTranslation();
  const next = otherLanguage(i18n.language);
  return (
    <Button
      type="text"
      lang={next}
      aria-label={t('common.switchLanguageLabel')}
      onClick={() => void i18n.changeLanguage(next)}
      data-testid="language-switch"
    >
      {t('common.switchLanguage')}
    </Button>
  );
}
