import { useEffect, useState } from "react";
import { loadExerciseLibrary, type ExerciseLibrary } from "./exercise-data";

/** The exercise library once loaded (undefined until then). */
export function useExerciseLibrary(): ExerciseLibrary | undefined {
  const [library, setLibrary] = useState<ExerciseLibrary>();
  useEffect(() => {
    let live = true;
    void loadExerciseLibrary().then((l) => live && setLibrary(l));
    return () => {
      live = false;
    };
  }, []);
  return library;
}
