import Sds from './sds';

export default function Page() {
  return <main><Sds /></main>;
}
