/** An article or an entity page, printed as read on screen: the same screen inside the print frame. */
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArticleScreen } from '../screens/Article.dom';
import { EntityScreen } from '../screens/Entity.dom';
import { PrintFrame } from './PrintFrame.dom';

export function PrintArticle() {
  const { t } = useTranslation();
  const { issueKey = '', '*': rest = '' } = useParams();
  return (
    <PrintFrame date={t('Printed from Valise')} back={`/read/${issueKey}/${rest}`}>
      <ArticleScreen />
    </PrintFrame>
  );
}

export function PrintEntity() {
  const { t } = useTranslation();
  const { '*': key = '' } = useParams();
  return (
    <PrintFrame date={t('Printed from Valise')} back={`/entity/${key}`}>
      <EntityScreen />
    </PrintFrame>
  );
}
